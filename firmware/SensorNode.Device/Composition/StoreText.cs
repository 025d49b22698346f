using SensorNode.Core.Ports;

namespace SensorNode.Device.Composition
{
    /// <summary>Reads small provisioned files (PEM certificates and keys) from the store.</summary>
    public static class StoreText
    {
        /// <summary>The whole file, or null when the name is empty or the file is absent.</summary>
        public static byte[] ReadAll(IFileStore store, string name)
        {
            int length = name == null || name.Length == 0 ? -1 : store.Length(name);
            if (length < 0)
            {
                return null;
            }

            byte[] bytes = new byte[length];
            int read = store.Read(name, 0, bytes, 0, length);
            return read == length ? bytes : null;
        }

        /// <summary>PEM text (ASCII) from a file, else from the inline config field; null when neither is set.</summary>
        public static byte[] Pem(IFileStore store, string fileName, string inlinePem)
        {
            byte[] file = ReadAll(store, fileName);
            if (file != null || inlinePem == null || inlinePem.Length == 0)
            {
                return file;
            }

            byte[] bytes = new byte[inlinePem.Length];
            for (int i = 0; i < inlinePem.Length; i++)
            {
                bytes[i] = (byte)inlinePem[i];
            }

            return bytes;
        }

        /// <summary>ASCII bytes as a string (PEM keys), or null.</summary>
        public static string Ascii(byte[] bytes)
        {
            if (bytes == null)
            {
                return null;
            }

            char[] chars = new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[i] = (char)bytes[i];
            }

            return new string(chars);
        }
    }
}
