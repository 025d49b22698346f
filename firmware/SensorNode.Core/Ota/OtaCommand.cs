using SensorNode.Core.Bytes;
using SensorNode.Core.Checksums;
namespace SensorNode.Core.Ota
{
    /// <summary>
    /// An update order: the MQTT command {"cmd":"ota","url":...,"version":...,"sha256":...} once parsed
    /// (docs/spec/ota-slots.md §5). sha256 is the image's payload_sha256 as `ota info` prints it; version
    /// must equal the image's. Also persisted as the download record (ota-dl.bin) so a download resumes
    /// across reboots and deep-sleep wakes.
    /// </summary>
    public sealed class OtaCommand
    {
        /// <summary>Longest URL accepted, in characters.</summary>
        public const int MaxUrlLength = 256;

        private const int MaxVersionLength = 17;
        private const int RecordFixedLength = 64;
        private static readonly byte[] Magic = { 0x53, 0x4E, 0x44, 0x4C };

        private OtaCommand(string url, string version, byte[] sha256)
        {
            Url = url;
            Version = version;
            Sha256 = sha256;
        }

        /// <summary>http:// or https:// URL of the image.</summary>
        public string Url { get; private set; }

        /// <summary>Expected application version "major.minor.patch".</summary>
        public string Version { get; private set; }

        /// <summary>Expected payload SHA-256 (32 bytes).</summary>
        public byte[] Sha256 { get; private set; }

        /// <summary>Slot the image is downloaded into (set when the download starts).</summary>
        public int TargetSlot { get; set; }

        /// <summary>Validates the command's fields; false (with <paramref name="reason"/>) when one is malformed.</summary>
        public static bool TryCreate(string url, string version, string sha256Hex, out OtaCommand command, out string reason)
        {
            // A malformed hash parses to null, which the byte overload reports as bad_sha256 after url and version.
            return TryCreate(url, version, ParseSha(sha256Hex), out command, out reason);
        }

        /// <summary>
        /// Validates a command whose sha256 the MQTT parser already decoded into 32 bytes (copied here);
        /// false (with <paramref name="reason"/>) when the url or version is not what §5 accepts.
        /// </summary>
        public static bool TryCreate(string url, string version, byte[] sha256, out OtaCommand command, out string reason)
        {
            command = null;
            reason = null;
            if (url == null || url.Length > MaxUrlLength || !(url.StartsWith("http://") || url.StartsWith("https://")) || !Printable(url))
            {
                reason = "bad_url";
                return false;
            }

            if (!IsVersion(version))
            {
                reason = "bad_version";
                return false;
            }

            if (sha256 == null || sha256.Length != 32)
            {
                reason = "bad_sha256";
                return false;
            }

            byte[] sha = new byte[32];
            System.Array.Copy(sha256, sha, 32);
            command = new OtaCommand(url, version, sha);
            return true;
        }

        /// <summary>Encodes the download record; returns its length.</summary>
        public int Encode(byte[] b)
        {
            for (int i = 0; i < RecordFixedLength; i++)
            {
                b[i] = 0;
            }

            for (int i = 0; i < 4; i++)
            {
                b[i] = Magic[i];
            }

            b[4] = (byte)TargetSlot;
            LittleEndian.WriteUInt16(b, 6, Url.Length);
            for (int i = 0; i < 32; i++)
            {
                b[8 + i] = Sha256[i];
            }

            b[40] = (byte)Version.Length;
            for (int i = 0; i < Version.Length; i++)
            {
                b[41 + i] = (byte)Version[i];
            }

            for (int i = 0; i < Url.Length; i++)
            {
                b[RecordFixedLength + i] = (byte)Url[i];
            }

            int length = RecordFixedLength + Url.Length;
            LittleEndian.WriteUInt32(b, length, Crc32.Compute(b, 0, length));
            return length + 4;
        }

        /// <summary>True when <paramref name="other"/> orders the same image from the same place (url, version, sha256).</summary>
        public bool SameOrder(OtaCommand other)
        {
            if (Url != other.Url || Version != other.Version)
            {
                return false;
            }

            for (int i = 0; i < 32; i++)
            {
                if (Sha256[i] != other.Sha256[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Bytes needed by <see cref="Encode"/> for the longest URL.</summary>
        public const int MaxRecordLength = RecordFixedLength + MaxUrlLength + 4;

        /// <summary>Decodes a download record; null when it is damaged.</summary>
        public static OtaCommand Decode(byte[] b, int count)
        {
            if (count < RecordFixedLength + 4 || b[0] != Magic[0] || b[1] != Magic[1] || b[2] != Magic[2] || b[3] != Magic[3])
            {
                return null;
            }

            int urlLength = LittleEndian.ReadUInt16(b, 6);
            int versionLength = b[40];
            if (urlLength > MaxUrlLength || count != RecordFixedLength + urlLength + 4 || versionLength > MaxVersionLength || b[4] > 1
                || LittleEndian.ReadUInt32(b, RecordFixedLength + urlLength) != Crc32.Compute(b, 0, RecordFixedLength + urlLength))
            {
                return null;
            }

            byte[] sha = new byte[32];
            for (int i = 0; i < 32; i++)
            {
                sha[i] = b[8 + i];
            }

            var command = new OtaCommand(AsciiField.Read(b, RecordFixedLength, urlLength), AsciiField.Read(b, 41, versionLength), sha);
            command.TargetSlot = b[4];
            return command;
        }

        /// <summary>True when the header's version and payload hash are the ones ordered.</summary>
        public bool Matches(ImageHeader header)
        {
            if (header.VersionText != Version)
            {
                return false;
            }

            for (int i = 0; i < 32; i++)
            {
                if (header.PayloadSha256[i] != Sha256[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsVersion(string v)
        {
            if (v == null || v.Length == 0 || v.Length > MaxVersionLength)
            {
                return false;
            }

            int dots = 0;
            int digits = 0;
            int value = 0;
            for (int i = 0; i < v.Length; i++)
            {
                char c = v[i];
                if (c == '.')
                {
                    if (digits == 0)
                    {
                        return false;
                    }

                    dots++;
                    digits = 0;
                    value = 0;
                }
                else if (c >= '0' && c <= '9')
                {
                    if (digits > 0 && value == 0)
                    {
                        return false; // no leading zeros: "1.02.3" would never equal the header's text
                    }

                    value = value * 10 + (c - '0');
                    digits++;
                    if (value > 65535)
                    {
                        return false;
                    }
                }
                else
                {
                    return false;
                }
            }

            return dots == 2 && digits > 0;
        }

        private static byte[] ParseSha(string hex)
        {
            if (hex == null || hex.Length != 64)
            {
                return null;
            }

            byte[] sha = new byte[32];
            for (int i = 0; i < 64; i++)
            {
                char c = hex[i];
                int n = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (n < 0)
                {
                    return null;
                }

                sha[i / 2] = (byte)(i % 2 == 0 ? n << 4 : sha[i / 2] | n);
            }

            return sha;
        }

        private static bool Printable(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] <= ' ' || s[i] > '~')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
