namespace SensorNode.Core.Checksums
{
    /// <summary>
    /// CRC-32/ISO-HDLC (the zlib/Ethernet CRC): width 32, poly 0x04C11DB7, init 0xFFFFFFFF, refin and
    /// refout true, xorout 0xFFFFFFFF, check("123456789") = 0xCBF43926 (docs/spec/provisioning.md §2, docs/spec/retained-state.md, docs/spec/ota-slots.md).
    /// Table driven; the 1 KB table is built once. Incremental use: <c>c = Start; c = Update(c, ...); Finish(c)</c>.
    /// </summary>
    public static class Crc32
    {
        /// <summary>The check value of the ASCII bytes "123456789".</summary>
        public const uint Check = 0xCBF43926;

        /// <summary>Initial register value.</summary>
        public const uint Start = 0xFFFFFFFF;

        private static readonly uint[] Table = BuildTable();

        /// <summary>Feeds bytes into a running register (not yet finished).</summary>
        public static uint Update(uint crc, byte[] buffer, int offset, int count)
        {
            uint[] table = Table;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc = table[(crc ^ buffer[i]) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        /// <summary>Feeds one byte into a running register.</summary>
        public static uint UpdateByte(uint crc, byte value)
        {
            return Table[(crc ^ value) & 0xFF] ^ (crc >> 8);
        }

        /// <summary>Applies the final xor to a running register.</summary>
        public static uint Finish(uint crc)
        {
            return crc ^ 0xFFFFFFFF;
        }

        /// <summary>CRC of a whole range.</summary>
        public static uint Compute(byte[] buffer, int offset, int count)
        {
            return Finish(Update(Start, buffer, offset, count));
        }

        private static uint[] BuildTable()
        {
            // 0xEDB88320 is 0x04C11DB7 bit-reversed (reflected input/output).
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
