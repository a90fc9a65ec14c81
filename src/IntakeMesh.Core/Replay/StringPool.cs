namespace IntakeMesh.Core.Replay;

/// <summary>
/// One copy of each repeated string (customer keys, incident keys) with an int to refer to it: a
/// million facts about a few thousand keys hold a few thousand strings, not a million.
/// </summary>
public sealed class StringPool
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    public int Count => _values.Count;

    public int Intern(string value)
    {
        if (!_ids.TryGetValue(value, out var id))
        {
            id = _values.Count;
            _ids[value] = id;
            _values.Add(value);
        }
        return id;
    }

    public string this[int id] => _values[id];
}
