namespace IntakeMesh.Core.Understanding;

/// <summary>An amount of money, or a bare number that may be one, found in folded text.</summary>
/// <param name="Start">Index of the first character, currency prefix included.</param>
/// <param name="End">Index after the last character, currency suffix included.</param>
/// <param name="Value">The amount with magnitudes applied (5万 is 50000).</param>
/// <param name="Currency">Index into <see cref="AmountGrammar.Currencies"/>, or -1 when unnamed.</param>
/// <param name="Marked">A currency or magnitude was written, so it is money rather than any number.</param>
/// <param name="Cjk">Written with Chinese numerals or magnitudes, so it defaults to the CJK currency.</param>
internal readonly record struct AmountHit(int Start, int End, decimal Value, int Currency, bool Marked, bool Cjk);
