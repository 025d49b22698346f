using System;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Device.Platform;
using SensorNode.Device.Sensors;

namespace SensorNode.Device
{
    /// <summary>
    /// Device composition root: builds the adapters and hands them to the core. It only wires. Seams for the
    /// other adapters: the provisioned <see cref="NodeConfig"/> and the board profile file come from the
    /// storage/provisioning adapters, telemetry from the MQTT adapter and the wake cycle from the duty-cycle
    /// code; until those are wired, this root samples in a loop and prints each record on the debug console.
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point: runs forever (or until the duty cycle puts the chip to sleep).</summary>
        public static void Main()
        {
            NodeConfig config = new NodeConfig();
            BoardProfile profile = LoadBoardProfile(config);
            HighResTimerClock clock = new HighResTimerClock();
            ThreadDelay delay = new ThreadDelay();
            ISampleSource sensors = DeviceSensors.Create(config, profile, clock, delay);
            SampleRecord record = new SampleRecord();
            uint sequence = 0;
            while (true)
            {
                try
                {
                    sensors.Sample(record);
                    record.Sequence = sequence++;
                    long unixMilliseconds;
                    record.UnixMilliseconds = clock.TryGetUnixMilliseconds(out unixMilliseconds) ? unixMilliseconds : 0;
                    Print(record);
                }
                catch (Exception ex)
                {
                    // An unhandled exception would end the program silently (PLATFORM.md §2): report and go on.
                    Console.WriteLine("sample failed: " + ex.Message);
                }

                delay.Wait(config.SampleIntervalSeconds * 1000);
            }
        }

        /// <summary>
        /// The board profile: board.profile on I:\ (deployed with nanoff --filedeployment) once the storage
        /// helper's file-store adapter is passed here instead of null, else the built-in profile named in the config.
        /// </summary>
        private static BoardProfile LoadBoardProfile(NodeConfig config)
        {
            BoardProfile profile = new BoardProfile();
            BoardProfileStatus fileStatus;
            int errorLine;
            BoardProfileSource source = BoardProfileLoader.Load(null, config.BoardProfile, profile, out fileStatus, out errorLine);
            if (source != BoardProfileSource.File && fileStatus != BoardProfileStatus.Ok)
            {
                Console.WriteLine("board.profile line " + errorLine.ToString() + ": error " + ((int)fileStatus).ToString() + "; using built-in " + profile.Name);
            }
            else if (source == BoardProfileSource.Default)
            {
                Console.WriteLine("board profile '" + config.BoardProfile + "' unknown; using " + profile.Name);
            }

            return profile;
        }

        private static void Print(SampleRecord record)
        {
            string line = "#" + record.Sequence.ToString();
            for (int c = 0; c < SampleRecord.ChannelCount; c++)
            {
                line += " " + c.ToString() + "=" + record.Values[c].ToString() + "/" + record.Statuses[c].ToString();
            }

            Console.WriteLine(line + " anomalies=" + record.AnomalyMask.ToString());
        }
    }
}
