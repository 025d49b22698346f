using SensorNode.Core.Ports;

namespace SensorNode.Core.Ota
{
    /// <summary>
    /// The download half of <see cref="OtaUpdater"/> (docs/spec/ota-slots.md §4 step 2, §5): fetches the
    /// image into the slot's .part file chunk by chunk through one buffer, resumes with HTTP Range after
    /// drops, stops at the wake's byte budget, and refuses a wrong image as soon as its header is in.
    /// </summary>
    internal sealed class OtaDownload
    {
        private readonly IFileStore _store;
        private readonly IHttpRange _http;
        private readonly IOtaReporter _reporter;
        private readonly ImagePolicy _policy;
        private readonly ImageHeader _early = new ImageHeader();
        private readonly byte[] _headerBytes = new byte[ImageFormat.MaxHeaderLength];
        private readonly byte[] _chunk;

        public OtaDownload(IFileStore store, IHttpRange http, IOtaReporter reporter, ImagePolicy policy, int chunkBytes)
        {
            _store = store;
            _http = http;
            _reporter = reporter;
            _policy = policy;
            _chunk = new byte[chunkBytes];
        }

        /// <summary>Connection failures tolerated per call.</summary>
        public int MaxRetries = 5;

        /// <summary>Bytes stored so far.</summary>
        public int DownloadedBytes;

        /// <summary>Whole image length when known, else -1.</summary>
        public int TotalBytes = -1;

        /// <summary>Why the last <see cref="Fetch"/> returned Rejected.</summary>
        public string Reason;

        /// <summary>Image length from the header already stored in <paramref name="part"/>, or -1.</summary>
        public int StoredImageLength(string part)
        {
            int have = _store.Length(part);
            int n = have <= 0 ? 0 : _store.Read(part, 0, _headerBytes, 0, have < ImageFormat.MaxHeaderLength ? have : ImageFormat.MaxHeaderLength);
            return _early.Parse(_headerBytes, 0, n) == ImageStatus.Ok ? _early.ImageLength : -1;
        }

        /// <summary>Downloads the rest of the image into <paramref name="part"/>: Installed = the whole body is stored (verify next); Rejected sets <see cref="Reason"/>.</summary>
        public OtaOutcome Fetch(OtaCommand order, string part, int maxBytes, int securityFloor)
        {
            int have = _store.Length(part);
            have = have < 0 ? 0 : have;
            int failures = 0;
            int budget = maxBytes;
            int lastReported = -OtaUpdater.ProgressStepPercent;
            bool headerChecked = false;
            while (true)
            {
                int total;
                HttpRangeStatus open = _http.Open(order.Url, have, out total);
                if (open == HttpRangeStatus.NotFound)
                {
                    _http.Close();
                    return Reject("not_found");
                }

                if (open == HttpRangeStatus.RangeNotSatisfiable && have > 0)
                {
                    _http.Close();
                    return OtaOutcome.Installed; // nothing left to fetch: verification decides
                }

                if (open != HttpRangeStatus.Partial && open != HttpRangeStatus.Whole)
                {
                    _http.Close();
                    if (++failures > MaxRetries)
                    {
                        return OtaOutcome.Failed;
                    }

                    continue;
                }

                if (open == HttpRangeStatus.Whole && have > 0)
                {
                    _store.Delete(part); // the server ignored the range: start over
                    have = 0;
                }

                TotalBytes = total;
                while (true)
                {
                    if (budget <= 0)
                    {
                        _http.Close();
                        DownloadedBytes = have;
                        return OtaOutcome.Suspended;
                    }

                    int want = budget < _chunk.Length ? budget : _chunk.Length;
                    int n = _http.Read(_chunk, 0, want);
                    if (n < 0)
                    {
                        break;
                    }

                    if (n == 0)
                    {
                        _http.Close();
                        DownloadedBytes = have;
                        return OtaOutcome.Installed;
                    }

                    _store.Append(part, _chunk, 0, n);
                    have += n;
                    budget -= n;
                    DownloadedBytes = have;
                    int percent = TotalBytes > 0 ? (int)((long)have * 100 / TotalBytes) : -1;
                    if (percent < 0 || percent >= lastReported + OtaUpdater.ProgressStepPercent || have == TotalBytes)
                    {
                        lastReported = percent;
                        _reporter.Downloading(order.Version, percent, have, TotalBytes);
                    }

                    if (!headerChecked)
                    {
                        string reason = EarlyCheck(order, part, have, securityFloor, out headerChecked);
                        if (reason != null)
                        {
                            _http.Close();
                            return Reject(reason);
                        }
                    }
                }

                _http.Close();
                if (++failures > MaxRetries)
                {
                    return OtaOutcome.Failed;
                }
            }
        }

        // §5: once the header is in, refuse a wrong image before downloading the rest (unauthenticated
        // data may only refuse, never accept).
        private string EarlyCheck(OtaCommand order, string part, int have, int securityFloor, out bool done)
        {
            done = false;
            int n = _store.Read(part, 0, _headerBytes, 0, have < ImageFormat.MaxHeaderLength ? have : ImageFormat.MaxHeaderLength);
            ImageStatus status = _early.Parse(_headerBytes, 0, n);
            if (status == ImageStatus.Truncated)
            {
                return null;
            }

            done = true;
            if (status == ImageStatus.Ok)
            {
                _policy.SecurityFloor = securityFloor;
                status = _policy.Check(_early);
            }

            if (status != ImageStatus.Ok)
            {
                return ImageStatusText.Of(status);
            }

            TotalBytes = _early.ImageLength;
            return order.Matches(_early) ? null : "command_mismatch";
        }

        private OtaOutcome Reject(string reason)
        {
            Reason = reason;
            return OtaOutcome.Rejected;
        }
    }
}
