namespace IntakeMesh.Core.Incidents;

/// <summary>A key's usual volume: the median complaints per day and the median busiest hour of a day, over <paramref name="Days"/> trailing days.</summary>
public sealed record Baseline(double Daily, double PeakHour, int Days);
