using IntakeMesh.Core.Intake;

namespace IntakeMesh.Cli.Input;

/// <summary>One line of a JSON-lines event file: the channel and the event's exact bytes.</summary>
public sealed record EventLine(int LineNumber, Channel Channel, byte[] Event);
