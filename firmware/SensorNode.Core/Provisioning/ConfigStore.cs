using SensorNode.Core.Checksums;
using System.IO;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;

namespace SensorNode.Core.Provisioning
{
    /// <summary>
    /// Loads and atomically commits the configuration on an <see cref="IFileStore"/>
    /// (docs/spec/config-blob.md §4). Files of generation g are "ca.g.pem" etc.; config.bin is the current
    /// blob and config.bak the previous good one. The commit point is the Replace of config.bin; a power
    /// cut at any write leaves the old or the new configuration loadable, in full.
    /// </summary>
    public sealed class ConfigStore
    {
        /// <summary>Store name of the current blob.</summary>
        public const string CurrentName = "config.bin";

        /// <summary>Store name of the previous good blob.</summary>
        public const string BackupName = "config.bak";

        private readonly IFileStore _store;
        private readonly byte[] _blob = new byte[ConfigBlob.MaxBytes];
        private readonly byte[] _scratch = new byte[256];
        private readonly char[] _chars = new char[256];
        private readonly ConfigProblem _problem = new ConfigProblem();
        private readonly NodeConfig _other = new NodeConfig();
        private readonly FileSet _otherFiles = new FileSet();
        private readonly FileSet _files = new FileSet();

        /// <summary>Creates the store over a file store.</summary>
        public ConfigStore(IFileStore store)
        {
            _store = store;
        }

        /// <summary>Status of the last blob read (for diagnostics).</summary>
        public BlobStatus LastBlobStatus { get; private set; }

        /// <summary>Loads config.bin, or config.bak when config.bin is absent or bad; target is untouched when unprovisioned.</summary>
        public ConfigLoadStatus Load(NodeConfig target)
        {
            if (Read(CurrentName, _other, _otherFiles, true) == BlobStatus.Ok)
            {
                ConfigFields.CopyAll(_other, target);
                return ConfigLoadStatus.Loaded;
            }

            BlobStatus current = LastBlobStatus;
            if (Read(BackupName, _other, _otherFiles, true) == BlobStatus.Ok)
            {
                ConfigFields.CopyAll(_other, target);
                return ConfigLoadStatus.LoadedBackup;
            }

            LastBlobStatus = current;
            return ConfigLoadStatus.Unprovisioned;
        }

        /// <summary>
        /// Validates and commits staged (whose file fields name either committed files to keep or staged
        /// files to take over). On success staged holds the committed names and version. Throws only
        /// what the file store throws for power loss; other storage failures return StorageError.
        /// </summary>
        public ProvisioningStatus Commit(NodeConfig staged, ConfigProblem problem)
        {
            try
            {
                return CommitCore(staged, problem);
            }
            catch (IOException)
            {
                return problem.Set(ProvisioningStatus.StorageError, 0, "storage write failed; the previous configuration is kept");
            }
        }

        /// <summary>Deletes both blobs and every file they reference, plus staged files.</summary>
        public void FactoryReset()
        {
            string[] doomed = new string[2 * FileSet.Count];
            for (int which = 0; which < 2; which++)
            {
                if (Read(which == 0 ? BackupName : CurrentName, _other, _otherFiles, false) == BlobStatus.Ok)
                {
                    for (int kind = 0; kind < FileSet.Count; kind++)
                    {
                        doomed[(which * FileSet.Count) + kind] = ConfigFields.GetText(_other, FileSet.FieldOf(kind));
                    }
                }
            }

            // Backup first: a cut after it still boots the current configuration.
            _store.Delete(BackupName);
            _store.Delete(CurrentName);
            for (int i = 0; i < doomed.Length; i++)
            {
                if (doomed[i] != null && doomed[i].Length > 0)
                {
                    _store.Delete(doomed[i]);
                }
            }

            for (int kind = 0; kind < FileSet.Count; kind++)
            {
                _store.Delete(FileSet.StagedName(kind));
            }
        }

        /// <summary>Streams a stored file through a fixed buffer; returns its CRC-32 and length (-1 when absent).</summary>
        public uint FileCrc(string name, out int length)
        {
            length = _store.Length(name);
            uint crc = Crc32.Start;
            int position = 0;
            while (position < length)
            {
                int n = _store.Read(name, position, _scratch, 0, _scratch.Length);
                if (n <= 0)
                {
                    break;
                }

                crc = Crc32.Update(crc, _scratch, 0, n);
                position += n;
            }

            return Crc32.Finish(crc);
        }

        /// <summary>Reads and decodes one blob (and, when asked, checks its files).</summary>
        public BlobStatus Read(string name, NodeConfig target, FileSet files, bool checkFiles)
        {
            int length = _store.Length(name);
            if (length < 0 || length > _blob.Length)
            {
                LastBlobStatus = length < 0 ? BlobStatus.TooShort : BlobStatus.BadLength;
                return LastBlobStatus;
            }

            int n = _store.Read(name, 0, _blob, 0, length);
            BlobStatus status = ConfigBlob.Decode(_blob, n, target, files, _chars, _problem);
            if (status == BlobStatus.Ok && checkFiles)
            {
                for (int kind = 0; kind < FileSet.Count && status == BlobStatus.Ok; kind++)
                {
                    string file = ConfigFields.GetText(target, FileSet.FieldOf(kind));
                    if (file.Length > 0 && (FileCrc(file, out int fileLength) != files.Crcs[kind] || fileLength != files.Lengths[kind]))
                    {
                        status = BlobStatus.FileMismatch;
                    }
                }
            }

            LastBlobStatus = status;
            return status;
        }

        private ProvisioningStatus CommitCore(NodeConfig staged, ConfigProblem problem)
        {
            if (ConfigValidator.CheckAll(staged, problem) != ProvisioningStatus.Ok)
            {
                return problem.Status;
            }

            NodeConfig current = new NodeConfig();
            FileSet currentFiles = new FileSet();
            bool currentOk = Read(CurrentName, current, currentFiles, true) == BlobStatus.Ok;
            bool backupOk = Read(BackupName, _other, _otherFiles, false) == BlobStatus.Ok;
            int generation = 1 + (currentOk ? current.ConfigVersion : 0);
            if (backupOk && _other.ConfigVersion + 1 > generation)
            {
                generation = _other.ConfigVersion + 1;
            }

            // Stage -> generation names first: nothing references generation-g names yet (§4.2 step 1).
            for (int kind = 0; kind < FileSet.Count; kind++)
            {
                int field = FileSet.FieldOf(kind);
                string name = ConfigFields.GetText(staged, field);
                string committed = FileSet.CommittedName(kind, generation);
                if (name == FileSet.StagedName(kind))
                {
                    _store.Rename(name, committed);
                    ConfigFields.SetText(staged, field, committed);
                    name = committed;
                }
                else
                {
                    _store.Delete(committed);
                }

                if (name.Length > 0)
                {
                    _files.Crcs[kind] = FileCrc(name, out _files.Lengths[kind]);
                    if (_files.Lengths[kind] < 0)
                    {
                        return problem.Set(ProvisioningStatus.MissingValue, field, "file is missing on the node; upload it again");
                    }
                }
            }

            int previousVersion = staged.ConfigVersion;
            staged.ConfigVersion = generation;
            int length = ConfigBlob.Encode(staged, _files, _blob);
            if (length < 0)
            {
                staged.ConfigVersion = previousVersion;
                return problem.Set(ProvisioningStatus.StorageError, 0, "configuration too large to store");
            }

            if (currentOk)
            {
                _store.Rename(CurrentName, BackupName);
            }

            _store.Replace(CurrentName, _blob, 0, length);

            // Commit point passed. The old backup's files are referenced by neither blob any more.
            if (currentOk && backupOk)
            {
                for (int kind = 0; kind < FileSet.Count; kind++)
                {
                    string old = ConfigFields.GetText(_other, FileSet.FieldOf(kind));
                    if (old.Length > 0 && old != ConfigFields.GetText(current, FileSet.FieldOf(kind)) && old != ConfigFields.GetText(staged, FileSet.FieldOf(kind)))
                    {
                        _store.Delete(old);
                    }
                }
            }

            return problem.Set(ProvisioningStatus.Ok, 0, string.Empty);
        }
    }
}
