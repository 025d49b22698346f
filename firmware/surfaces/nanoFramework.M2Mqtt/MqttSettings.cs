namespace nanoFramework.M2Mqtt
{
    // Declared surface (upstream M2Mqtt/MqttSettings.cs).
    public class MqttSettings
    {
        private MqttSettings()
        {
        }

        public static MqttSettings Instance
        {
            get { throw new System.NotImplementedException(); }
        }

        public bool ValidateServerCertificate { get; set; }
    }
}
