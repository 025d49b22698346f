using SensorNode.Core.Checksums;
namespace SensorNode.Core.Provisioning
{
    /// <summary>
    /// Encodes one message as a frame (docs/spec/provisioning.md §2.2): 0x00, COBS(message ‖ CRC-32 LE), 0x00.
    /// Writes into a caller-owned buffer of at least <see cref="ProvisioningLimits.MaxEncodedBytes"/>; allocates nothing.
    /// </summary>
    public static class FrameEncoder
    {
        /// <summary>Encodes message[offset..offset+count) into output at outOffset; returns the bytes written, or -1 when count is out of range.</summary>
        public static int Encode(byte[] message, int offset, int count, byte[] output, int outOffset)
        {
            if (count < 0 || count > ProvisioningLimits.MaxMessageBytes)
            {
                return -1;
            }

            uint crc = Crc32.Compute(message, offset, count);
            int total = count + ProvisioningLimits.CrcBytes;
            int o = outOffset;
            output[o++] = 0;
            int codeAt = o++;
            int code = 1;
            for (int i = 0; i < total; i++)
            {
                byte v = i < count ? message[offset + i] : (byte)(crc >> (8 * (i - count)));
                if (v == 0)
                {
                    output[codeAt] = (byte)code;
                    codeAt = o++;
                    code = 1;
                    continue;
                }

                output[o++] = v;
                code++;
                if (code == 0xFF)
                {
                    output[codeAt] = (byte)code;
                    codeAt = o++;
                    code = 1;
                }
            }

            output[codeAt] = (byte)code;
            output[o++] = 0;
            return o - outOffset;
        }
    }
}
