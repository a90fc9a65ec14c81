using IntakeMesh.Core.Intake;

namespace IntakeMesh.Ingestion.Pipeline;

/// <summary>A refused record with the reason it was refused.</summary>
public sealed record DeadLetter(RawRecord Record, ParseError Error);
