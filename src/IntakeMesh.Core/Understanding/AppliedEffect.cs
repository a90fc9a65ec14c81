namespace IntakeMesh.Core.Understanding;

/// <summary>A term's weight as added to one slot over one stretch of text; kept so a longer term can take it back.</summary>
internal struct AppliedEffect
{
    public int Slot;
    public int Start;
    public int End;
    public float Weight;
}
