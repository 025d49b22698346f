using SensorNode.Core.Config;
using SensorNode.Core.Ports;

namespace SensorNode.Core.Provisioning
{
    /// <summary>
    /// Bridges the two halves of <see cref="NodeConfig"/>'s TLS material: provisioning persists certificates
    /// as store files (CaCertificateFile, ClientCertificateFile, ClientKeyFile: names in the config blob),
    /// the MQTT adapters take PEM text (MqttCaCertificatePem, MqttClientCertificatePem, MqttClientKeyPem:
    /// RAM only, never persisted). Call <see cref="LoadPems"/> once at boot after ConfigStore.Load.
    /// </summary>
    public static class CertificateFiles
    {
        /// <summary>
        /// Fills the PEM fields from the named store files (a field stays as it is when its file name is
        /// empty); returns false when a named file is missing or not ASCII text. Allocates (boot time only).
        /// </summary>
        public static bool LoadPems(IFileStore store, NodeConfig config)
        {
            bool ok = true;
            string pem;
            if (config.CaCertificateFile.Length > 0)
            {
                ok &= Read(store, config.CaCertificateFile, out pem);
                config.MqttCaCertificatePem = pem;
            }

            if (config.ClientCertificateFile.Length > 0)
            {
                ok &= Read(store, config.ClientCertificateFile, out pem);
                config.MqttClientCertificatePem = pem;
            }

            if (config.ClientKeyFile.Length > 0)
            {
                ok &= Read(store, config.ClientKeyFile, out pem);
                config.MqttClientKeyPem = pem;
            }

            return ok;
        }

        private static bool Read(IFileStore store, string name, out string text)
        {
            text = string.Empty;
            int length = store.Length(name);
            if (length <= 0)
            {
                return false;
            }

            byte[] bytes = new byte[length];
            int n = store.Read(name, 0, bytes, 0, length);
            char[] chars = new char[n];
            for (int i = 0; i < n; i++)
            {
                if (bytes[i] > 0x7E || (bytes[i] < 0x20 && bytes[i] != '\n' && bytes[i] != '\r' && bytes[i] != '\t'))
                {
                    return false;
                }

                chars[i] = (char)bytes[i];
            }

            text = new string(chars, 0, n);
            return n == length;
        }
    }
}
