using System;
using SensorNode.Core.Ports;

namespace SensorNode.Core.Simulation
{
    /// <summary>
    /// A register-addressed device for off-hardware driver tests: 256 byte registers with an auto-incrementing
    /// register pointer (the first byte written sets it), an optional FIFO behind a data register (reading from
    /// the data register pops one frame; a status register's low 6 bits report the frames waiting), and fault
    /// injection: an absent device (no acknowledge), failed transfers by index, and short reads.
    /// </summary>
    public sealed class SimulatedRegisterBus : IRegisterBus
    {
        /// <summary>Register contents; tests seed them (e.g. a chip id) and inspect what drivers wrote.</summary>
        public readonly byte[] Registers = new byte[256];

        private byte[] _fifo = new byte[0];
        private int _fifoFrameBytes;
        private int _fifoCapacity;
        private int _fifoHead;
        private int _fifoCount;
        private int _fifoDataRegister = -1;
        private int _fifoStatusRegister = -1;
        private int _pointer;
        private int _failFirst = -1;
        private int _failCount;
        private BusStatus _failStatus = BusStatus.Failed;
        private int _shortReadTransfer = -1;
        private int _shortReadBytes;

        /// <summary>When true nothing acknowledges: every transfer returns NoAcknowledge.</summary>
        public bool Absent;

        /// <summary>Transfers attempted so far (Write, Read and WriteRead each count one); the index of the next is this value.</summary>
        public int Transfers { get; private set; }

        /// <summary>Register writes applied so far (one per data byte written).</summary>
        public int RegisterWrites { get; private set; }

        /// <summary>Frames waiting in the FIFO.</summary>
        public int FifoCount
        {
            get { return _fifoCount; }
        }

        /// <summary>Makes transfers with index first..first+count−1 return <paramref name="status"/> without moving data.</summary>
        public void FailTransfers(int first, int count, BusStatus status)
        {
            _failFirst = first;
            _failCount = count;
            _failStatus = status;
        }

        /// <summary>Makes the read of transfer <paramref name="transfer"/> deliver only <paramref name="bytes"/> bytes (PartialTransfer).</summary>
        public void ShortReadAt(int transfer, int bytes)
        {
            _shortReadTransfer = transfer;
            _shortReadBytes = bytes;
        }

        /// <summary>Puts a FIFO of <paramref name="capacity"/> frames of <paramref name="frameBytes"/> bytes behind a data register.</summary>
        public void ConfigureFifo(int dataRegister, int frameBytes, int statusRegister, int capacity)
        {
            _fifoDataRegister = dataRegister;
            _fifoFrameBytes = frameBytes;
            _fifoStatusRegister = statusRegister;
            _fifoCapacity = capacity;
            _fifo = new byte[frameBytes * capacity];
            _fifoHead = 0;
            _fifoCount = 0;
            UpdateFifoStatus();
        }

        /// <summary>Appends one frame; when the FIFO is full the oldest frame is dropped (stream mode). Returns false when one was dropped.</summary>
        public bool EnqueueFrame(byte[] frame, int offset)
        {
            bool kept = true;
            if (_fifoCount == _fifoCapacity)
            {
                _fifoHead = (_fifoHead + 1) % _fifoCapacity;
                _fifoCount--;
                kept = false;
            }

            int slot = (_fifoHead + _fifoCount) % _fifoCapacity;
            Array.Copy(frame, offset, _fifo, slot * _fifoFrameBytes, _fifoFrameBytes);
            _fifoCount++;
            UpdateFifoStatus();
            return kept;
        }

        /// <inheritdoc />
        public BusStatus Write(byte[] buffer, int offset, int count)
        {
            BusStatus fault = BeginTransfer();
            if (fault != BusStatus.Ok)
            {
                return fault;
            }

            ApplyWrite(buffer, offset, count);
            return BusStatus.Ok;
        }

        /// <inheritdoc />
        public BusStatus Read(byte[] buffer, int offset, int count)
        {
            int transfer = Transfers;
            BusStatus fault = BeginTransfer();
            if (fault != BusStatus.Ok)
            {
                return fault;
            }

            return ApplyRead(transfer, buffer, offset, count);
        }

        /// <inheritdoc />
        public BusStatus WriteRead(byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount)
        {
            int transfer = Transfers;
            BusStatus fault = BeginTransfer();
            if (fault != BusStatus.Ok)
            {
                return fault;
            }

            ApplyWrite(writeBuffer, writeOffset, writeCount);
            return ApplyRead(transfer, readBuffer, readOffset, readCount);
        }

        private BusStatus BeginTransfer()
        {
            int index = Transfers;
            Transfers++;
            if (Absent)
            {
                return BusStatus.NoAcknowledge;
            }

            if (_failFirst >= 0 && index >= _failFirst && index < _failFirst + _failCount)
            {
                return _failStatus;
            }

            return BusStatus.Ok;
        }

        private void ApplyWrite(byte[] buffer, int offset, int count)
        {
            if (count == 0)
            {
                return;
            }

            _pointer = buffer[offset];
            for (int i = 1; i < count; i++)
            {
                Registers[_pointer] = buffer[offset + i];
                RegisterWrites++;
                _pointer = (_pointer + 1) & 0xFF;
            }
        }

        private BusStatus ApplyRead(int transfer, byte[] buffer, int offset, int count)
        {
            if (_pointer == _fifoDataRegister && _fifoCount > 0)
            {
                Array.Copy(_fifo, _fifoHead * _fifoFrameBytes, Registers, _fifoDataRegister, _fifoFrameBytes);
                _fifoHead = (_fifoHead + 1) % _fifoCapacity;
                _fifoCount--;
                UpdateFifoStatus();
            }

            int deliver = transfer == _shortReadTransfer && _shortReadBytes < count ? _shortReadBytes : count;
            for (int i = 0; i < deliver; i++)
            {
                buffer[offset + i] = Registers[_pointer];
                _pointer = (_pointer + 1) & 0xFF;
            }

            return deliver < count ? BusStatus.PartialTransfer : BusStatus.Ok;
        }

        private void UpdateFifoStatus()
        {
            if (_fifoStatusRegister >= 0)
            {
                Registers[_fifoStatusRegister] = (byte)((Registers[_fifoStatusRegister] & 0xC0) | (_fifoCount & 0x3F));
            }
        }
    }
}
