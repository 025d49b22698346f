namespace SensorNode.Cli.Commands;

/// <summary>The text of `sensornode simulate --help`.</summary>
internal static class SimulateHelp
{
    public const string Text = """
usage: sensornode simulate [options]

Runs the firmware core with simulated sensors and publishes like a node (docs/spec/mqtt.md).
With no --broker, an embedded MQTT broker listens on 127.0.0.1:1883.

broker and identity
  --broker mqtt://host:port | mqtts://host:port   --ca FILE  --cert FILE --key FILE
  --username U --password P   --node-id ID (node1)   --prefix P (sensornode)   --keepalive S (60)
  --embedded-port N (1883)
signal
  --scenario normal|bearing-fault|dropouts|stuck|spikes|no-bme280|no-dht22|no-accel   --seed N (1)
  --interval 5s|5m|1h (5s always-on, 5m deep-sleep)   --cycles N (samples or wakes; unbounded always-on)
node
  --state DIR       the node's flash: sequence numbers, unpublished readings, configuration
  --serial DEV      provisioning console on a serial device; an unprovisioned node waits for
                    `sensornode provision --port <other end> --config node.json`, then runs with it
  --mode always-on|deep-sleep
  --ota-pubkey PUB  take signed updates ({"cmd":"ota",...} on <base>/cmd) checked with this
                    key (default: the provisioned key, else the firmware's built-in key); slots in --state
  --ota-image IMG   a signed image for slot A of a node whose flash has none (what flash.ps1 deploys
                    with the loader); without one, orders are rejected with no_slot_state
deep-sleep (every wake is a fresh boot from --state)
  --speed X (0 = as fast as possible)   --wakes N (288)   --publish-every N (12)   --max-latency S
  --capacity N   --awake-budget-ms MS   --broker-down K (simulated network instead of MQTT)   --verbose

""";
}
