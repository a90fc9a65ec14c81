namespace IntakeMesh.Core.Understanding;

/// <summary>One pattern of the automaton and the signals it moves.</summary>
/// <param name="Length">Characters in the folded pattern.</param>
/// <param name="LeftBound">The character before the match must not be an ASCII letter or digit.</param>
/// <param name="RightBound">The character after the match must not be an ASCII letter or digit.</param>
/// <param name="EffectStart">First of this term's effects in the lexicon's effect array.</param>
/// <param name="EffectCount">How many effects the term has.</param>
internal readonly record struct TermEntry(int Length, bool LeftBound, bool RightBound, int EffectStart, int EffectCount);
