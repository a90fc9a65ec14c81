namespace IntakeMesh.Core.Incidents;

/// <summary>
/// One rule behind a tier or phase change, as data: its name, the incident's figures it looked at
/// and the thresholds they met, e.g. <c>mass</c> with <c>{customersInWindow: 12}</c> against
/// <c>{massCustomers: 10}</c>. <paramref name="Detail"/> holds what is not a number (a window, signal names).
/// </summary>
public sealed record TierRule(string Rule, IReadOnlyDictionary<string, double> Figures, IReadOnlyDictionary<string, double> Thresholds, string? Detail = null);
