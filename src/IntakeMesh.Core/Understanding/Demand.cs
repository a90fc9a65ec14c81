namespace IntakeMesh.Core.Understanding;

/// <summary>A remedy the customer asks for, with the amount when the text names one.</summary>
/// <param name="Kind">The remedy.</param>
/// <param name="Amount">The amount asked for, in <paramref name="Currency"/> units, when stated.</param>
/// <param name="Currency">ISO 4217 code of the amount when it could be told (e.g. CNY, USD).</param>
public sealed record Demand(DemandKind Kind, decimal? Amount = null, string? Currency = null);
