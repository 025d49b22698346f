namespace SensorNode.Core.Provisioning
{
    /// <summary>What is wrong with a configuration: a status, the field it concerns and a message for a person (no secret values).</summary>
    public sealed class ConfigProblem
    {
        /// <summary>The status; Ok when nothing is wrong.</summary>
        public ProvisioningStatus Status;

        /// <summary>The field concerned (<see cref="ConfigField"/> id), or 0.</summary>
        public int FieldId;

        /// <summary>A constant English message, e.g. "must be between 1 and 65535".</summary>
        public string Message = string.Empty;

        /// <summary>Clears to Ok.</summary>
        public void Clear()
        {
            Status = ProvisioningStatus.Ok;
            FieldId = 0;
            Message = string.Empty;
        }

        /// <summary>Records a problem and returns its status.</summary>
        public ProvisioningStatus Set(ProvisioningStatus status, int fieldId, string message)
        {
            Status = status;
            FieldId = fieldId;
            Message = message;
            return status;
        }

        /// <summary>"fieldName: message", as shown to users.</summary>
        public override string ToString()
        {
            return FieldId == 0 ? Message : ConfigFields.Name(FieldId) + ": " + Message;
        }
    }
}
