namespace IntakeMesh.Core.Incidents;

/// <summary>Who wrote a social post in an incident, and who started the chain it belongs to.</summary>
public sealed record PostRef(string Author, string Root);
