namespace SensorNode.Core.Ports
{
    /// <summary>Outcome of one register-bus transfer (I2C or SPI). Reported in health: never renumber.</summary>
    public enum BusStatus
    {
        /// <summary>Every byte was transferred.</summary>
        Ok = 0,

        /// <summary>Nobody acknowledged the address: the device is absent or unpowered.</summary>
        NoAcknowledge = 1,

        /// <summary>The transfer stopped early: fewer bytes than asked were moved.</summary>
        PartialTransfer = 2,

        /// <summary>The device held the clock too long.</summary>
        Timeout = 3,

        /// <summary>Any other bus error.</summary>
        Failed = 4,
    }
}
