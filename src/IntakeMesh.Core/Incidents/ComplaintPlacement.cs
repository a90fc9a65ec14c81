using IntakeMesh.Core.Incidents.Sketches;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// Where an incident put one complaint it applied: the incident (wave) it joined, whether it
/// counted as a repeat contact of a complaint already there, and what its text was compared with
/// (null for a repeat contact or a text too short to compare).
/// </summary>
public sealed record ComplaintPlacement(string ComplaintId, string IncidentId, bool Repeat, TextComparison? Text);
