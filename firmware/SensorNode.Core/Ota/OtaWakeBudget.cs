namespace SensorNode.Core.Ota
{
    /// <summary>
    /// How much longer a deep-sleeping node stays awake for an update (docs/spec/ota-slots.md §5,
    /// mqtt.md §11.5), and how many bytes it fetches in that time. The extension is bounded by
    /// <see cref="MaxExtraMilliseconds"/> (NodeConfig.OtaMaxExtraAwakeMilliseconds) whatever the image
    /// size or link speed; a download that does not fit continues at the next wake. Allocates nothing.
    /// </summary>
    public sealed class OtaWakeBudget
    {
        /// <summary>Creates the policy from an assumed download rate, the time a full verification takes and the cap.</summary>
        public OtaWakeBudget(int bytesPerSecond, int verifyMilliseconds, int maxExtraMilliseconds)
        {
            BytesPerSecond = bytesPerSecond < 1 ? 1 : bytesPerSecond;
            VerifyMilliseconds = verifyMilliseconds < 0 ? 0 : verifyMilliseconds;
            MaxExtraMilliseconds = maxExtraMilliseconds < 0 ? 0 : maxExtraMilliseconds;
        }

        /// <summary>Assumed download rate, bytes per second (≥ 1).</summary>
        public int BytesPerSecond { get; private set; }

        /// <summary>Time reserved for verifying the complete image, milliseconds.</summary>
        public int VerifyMilliseconds { get; private set; }

        /// <summary>The most a wake is ever extended, milliseconds.</summary>
        public int MaxExtraMilliseconds { get; private set; }

        /// <summary>
        /// Extra awake time this wake needs: the updater's estimate for an unfinished download, the cap for a
        /// new order (its size is unknown until the header is in), 0 when there is nothing to do.
        /// </summary>
        public int ExtraMilliseconds(OtaUpdater updater, bool newOrder)
        {
            if (newOrder)
            {
                long unknown = (long)(ImageFormat.MaxHeaderLength + ImageFormat.MaxPayloadLength + ImageFormat.SignatureLength) * 1000 / BytesPerSecond + VerifyMilliseconds;
                return unknown > MaxExtraMilliseconds ? MaxExtraMilliseconds : (int)unknown;
            }

            return updater.ExtraAwakeMilliseconds(BytesPerSecond, VerifyMilliseconds, MaxExtraMilliseconds);
        }

        /// <summary>
        /// Bytes to fetch within <paramref name="extraMilliseconds"/>, keeping <see cref="VerifyMilliseconds"/>
        /// for the verification (rounded up, so an estimate made from the remaining bytes covers them); 0 when none.
        /// </summary>
        public int ByteBudget(int extraMilliseconds)
        {
            long download = extraMilliseconds - VerifyMilliseconds;
            if (extraMilliseconds <= 0 || download < 0)
            {
                return 0;
            }

            long bytes = ((download + 1) * BytesPerSecond + 999) / 1000;
            return bytes > int.MaxValue ? int.MaxValue : (int)bytes;
        }

        /// <summary>The wake's radio deadline moved by the extension (absolute monotonic milliseconds).</summary>
        public static long ExtendedDeadline(long deadlineMilliseconds, int extraMilliseconds)
        {
            return extraMilliseconds > 0 ? deadlineMilliseconds + extraMilliseconds : deadlineMilliseconds;
        }
    }
}
