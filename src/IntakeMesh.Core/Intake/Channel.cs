namespace IntakeMesh.Core.Intake;

/// <summary>A channel complaints arrive through; each has its own Kafka topic.</summary>
public enum Channel
{
    Phone,
    Email,
    Social,
    Regulator,
}
