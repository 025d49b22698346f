using SensorNode.Core.Ports;

namespace SensorNode.Core.Ota
{
    /// <summary>
    /// The download half of <see cref="OtaUpdater"/> (docs/spec/ota-slots.md §4 step 2, §5, §5.2): fetches the
    /// image into the slot's .part file chunk by chunk through one buffer, resumes with HTTP Range after
    /// drops, stops at the wake's byte budget, and refuses a wrong image as soon as its header is in.
    /// Bounded against a hostile server (§5.2): never stores or reads more than the header's image length
    /// (a longer body is refused as too_long), every read has a deadline on the node's clock, the whole
    /// order has a deadline, and a call returns Suspended after <see cref="StepMilliseconds"/> so the
    /// node's loop keeps sampling between steps.
    /// </summary>
    internal sealed class OtaDownload
    {
        /// <summary>Most bytes any image can have (the format's maxima): the bound before the header is in.</summary>
        public const int MaxImageBytes = ImageFormat.MaxHeaderLength + ImageFormat.MaxPayloadLength + ImageFormat.SignatureLength;

        private readonly IFileStore _store;
        private readonly IHttpRange _http;
        private readonly IOtaReporter _reporter;
        private readonly ImagePolicy _policy;
        private readonly ImageHeader _early = new ImageHeader();
        private readonly byte[] _headerBytes = new byte[ImageFormat.MaxHeaderLength];
        private readonly byte[] _chunk;
        private long _orderStartedMs = -1;
        private int _failures;
        private int _lastReported = -1;
        private bool _reportedUnknown;
        private bool _open;
        private int _openTotal;

        public OtaDownload(IFileStore store, IHttpRange http, IOtaReporter reporter, ImagePolicy policy, int chunkBytes)
        {
            _store = store;
            _http = http;
            _reporter = reporter;
            _policy = policy;
            _chunk = new byte[chunkBytes];
        }

        /// <summary>Connection failures tolerated per order in this boot (counted across calls, never reset by progress, so a server that sends a little and stalls each time still ends) before the order fails.</summary>
        public int MaxRetries = 5;

        /// <summary>The node's clock for the deadlines; null = no deadlines (unit tests of the byte logic only).</summary>
        public IClock Clock;

        /// <summary>Deadline of one read, milliseconds.</summary>
        public int ReadTimeoutMilliseconds = 15000;

        /// <summary>Deadline of the whole order in this boot, milliseconds, from its first step.</summary>
        public int OrderTimeoutMilliseconds = 900000;

        /// <summary>When &gt; 0, a call returns Suspended after this long (or after a failure) so the caller's loop runs between steps.</summary>
        public int StepMilliseconds;

        /// <summary>Bytes stored so far.</summary>
        public int DownloadedBytes;

        /// <summary>Whole image length when known, else -1.</summary>
        public int TotalBytes = -1;

        /// <summary>Why the last <see cref="Fetch"/> returned Rejected or Failed (snake_case).</summary>
        public string Reason;

        /// <summary>Image length from the header already stored in <paramref name="part"/>, or -1.</summary>
        public int StoredImageLength(string part)
        {
            int have = _store.Length(part);
            int n = have <= 0 ? 0 : _store.Read(part, 0, _headerBytes, 0, have < ImageFormat.MaxHeaderLength ? have : ImageFormat.MaxHeaderLength);
            return _early.Parse(_headerBytes, 0, n) == ImageStatus.Ok ? _early.ImageLength : -1;
        }

        /// <summary>A new order (or this boot's first step of an unfinished one): its deadline, retries and progress reports start now.</summary>
        public void BeginOrder()
        {
            CloseHttp();
            _orderStartedMs = Now();
            _failures = 0;
            _lastReported = -1;
            _reportedUnknown = false;
        }

        /// <summary>The order ended (installed, rejected or failed): the next call begins a new one.</summary>
        public void EndOrder()
        {
            CloseHttp();
            _orderStartedMs = -1;
        }

        /// <summary>True while an order's clock runs in this boot.</summary>
        public bool OrderBegun
        {
            get { return _orderStartedMs >= 0; }
        }

        /// <summary>
        /// Downloads the rest of the image into <paramref name="part"/>: Installed = the whole image is stored
        /// (verify next); Suspended = budget or step time used up (call again); Rejected and Failed set <see cref="Reason"/>.
        /// </summary>
        public OtaOutcome Fetch(OtaCommand order, string part, int maxBytes, int securityFloor)
        {
            if (_orderStartedMs < 0)
            {
                BeginOrder();
            }

            long callStarted = Now();
            int have = _store.Length(part);
            have = have < 0 ? 0 : have;
            int imageLength = StoredImageLength(part);
            bool headerChecked = imageLength > 0;
            TotalBytes = imageLength;
            int budget = maxBytes;
            while (true)
            {
                if (OrderExpired())
                {
                    return Fail("timeout");
                }

                int total;
                HttpRangeStatus open;
                if (_open)
                {
                    // The previous step suspended with the response open at "have": go on reading it, so a
                    // server that ignores Range does not restart the body at every step.
                    open = HttpRangeStatus.Partial;
                    total = _openTotal;
                    _open = false;
                }
                else
                {
                    open = _http.Open(order.Url, have, out total);
                }

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
                    OtaOutcome retry = AfterFailure(open == HttpRangeStatus.HttpError ? "http_status" : "unreachable", callStarted);
                    if (retry != OtaOutcome.Idle)
                    {
                        return retry;
                    }

                    continue;
                }

                if (open == HttpRangeStatus.Whole && have > 0)
                {
                    _store.Delete(part); // the server ignored the range: start over
                    have = 0;
                }

                // A server announcing more than any image (or than this image) is refused before a byte is stored.
                int limit = headerChecked ? imageLength : MaxImageBytes;
                if (total > limit)
                {
                    _http.Close();
                    return Reject("too_long");
                }

                if (!headerChecked && total > 0)
                {
                    TotalBytes = total;
                }

                string readFailure = null;
                while (true)
                {
                    limit = headerChecked ? imageLength : MaxImageBytes;
                    if (have >= limit)
                    {
                        // The whole image is in: one byte more from the server means the body is longer than the image.
                        int extra = _http.Read(_chunk, 0, 1, ReadTimeout());
                        _http.Close();
                        DownloadedBytes = have;
                        return extra > 0 ? Reject("too_long") : OtaOutcome.Installed;
                    }

                    if (budget <= 0 || (StepMilliseconds > 0 && Now() - callStarted >= StepMilliseconds))
                    {
                        // Kept open for the next step (a new order, the order's end or the next Open closes it).
                        _open = true;
                        _openTotal = total;
                        DownloadedBytes = have;
                        return OtaOutcome.Suspended;
                    }

                    if (OrderExpired())
                    {
                        _http.Close();
                        return Fail("timeout");
                    }

                    int want = budget < _chunk.Length ? budget : _chunk.Length;
                    want = want < limit - have ? want : limit - have;
                    if (!headerChecked && have < ImageFormat.MaxHeaderLength && want > ImageFormat.MaxHeaderLength - have)
                    {
                        want = ImageFormat.MaxHeaderLength - have; // nothing past the header before its length is known
                    }

                    int timeout = ReadTimeout();
                    long readStarted = Now();
                    int n = _http.Read(_chunk, 0, want, timeout);
                    if (n < 0 || n > want)
                    {
                        readFailure = Clock != null && Now() - readStarted >= timeout ? "timeout" : "connection_lost";
                        break;
                    }

                    if (n == 0)
                    {
                        _http.Close();
                        DownloadedBytes = have;
                        return OtaOutcome.Installed; // shorter than the header says: verification refuses it
                    }

                    _store.Append(part, _chunk, 0, n);
                    have += n;
                    budget -= n;
                    DownloadedBytes = have;
                    if (!headerChecked)
                    {
                        string reason = EarlyCheck(order, part, have, securityFloor, out headerChecked);
                        if (reason != null)
                        {
                            _http.Close();
                            return Reject(reason);
                        }

                        if (headerChecked)
                        {
                            imageLength = _early.ImageLength;
                            TotalBytes = imageLength;
                            if (have > imageLength || total > imageLength)
                            {
                                _http.Close();
                                return Reject("too_long");
                            }
                        }
                    }

                    Progress(order, have);
                }

                _http.Close();
                OtaOutcome next = AfterFailure(readFailure, callStarted);
                if (next != OtaOutcome.Idle)
                {
                    return next;
                }
            }
        }

        private void CloseHttp()
        {
            if (_open)
            {
                _open = false;
                _http.Close();
            }
        }

        // Reports 0..100 at most every OtaUpdater.ProgressStepPercent (and at 100); an unknown total once.
        private void Progress(OtaCommand order, int have)
        {
            if (TotalBytes <= 0)
            {
                if (!_reportedUnknown)
                {
                    _reportedUnknown = true;
                    _reporter.Downloading(order.Version, -1, have, -1);
                }

                return;
            }

            long p = (long)have * 100 / TotalBytes;
            int percent = p > 100 ? 100 : (int)p;
            if (_lastReported < 0 || percent >= _lastReported + OtaUpdater.ProgressStepPercent || (percent == 100 && _lastReported != 100))
            {
                _lastReported = percent;
                _reporter.Downloading(order.Version, percent, have, TotalBytes);
            }
        }

        // Idle = retry now; Failed once the retries are used up; Suspended to let the caller's loop run first.
        private OtaOutcome AfterFailure(string reason, long callStarted)
        {
            if (++_failures > MaxRetries)
            {
                return Fail(reason);
            }

            return StepMilliseconds > 0 ? OtaOutcome.Suspended : OtaOutcome.Idle;
        }

        private int ReadTimeout()
        {
            if (Clock == null)
            {
                return ReadTimeoutMilliseconds;
            }

            long left = _orderStartedMs + OrderTimeoutMilliseconds - Clock.MonotonicMilliseconds;
            return left < ReadTimeoutMilliseconds ? (left < 0 ? 0 : (int)left) : ReadTimeoutMilliseconds;
        }

        private bool OrderExpired()
        {
            return Clock != null && Clock.MonotonicMilliseconds - _orderStartedMs >= OrderTimeoutMilliseconds;
        }

        private long Now()
        {
            return Clock == null ? 0 : Clock.MonotonicMilliseconds;
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

            return order.Matches(_early) ? null : "command_mismatch";
        }

        private OtaOutcome Reject(string reason)
        {
            Reason = reason;
            return OtaOutcome.Rejected;
        }

        private OtaOutcome Fail(string reason)
        {
            Reason = reason;
            return OtaOutcome.Failed;
        }
    }
}
