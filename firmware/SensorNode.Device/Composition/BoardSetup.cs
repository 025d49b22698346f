using System;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;

namespace SensorNode.Device.Composition
{
    /// <summary>Loads the board profile: board.profile on I:\ (nanoff --filedeployment), else the built-in one the config names.</summary>
    public static class BoardSetup
    {
        /// <summary>The profile to wire the board with; problems are printed, never fatal.</summary>
        public static BoardProfile LoadProfile(IFileStore store, NodeConfig config)
        {
            BoardProfile profile = new BoardProfile();
            BoardProfileStatus fileStatus;
            int errorLine;
            BoardProfileSource source = BoardProfileLoader.Load(store, config.BoardProfile, profile, out fileStatus, out errorLine);
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
    }
}
