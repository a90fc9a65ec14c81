namespace IntakeMesh.Core.Incidents.Sketches;

/// <summary>
/// Spots templated complaints: a text within <c>distance</c> bits (SimHash) of one of the last
/// <see cref="Capacity"/> texts of another customer. Both of a matching pair count once each, so
/// three customers posting one template make three templated complaints. Only the recent texts
/// are compared: a template wave repeats itself within minutes to hours, and the ring keeps both
/// memory and the per-complaint cost fixed.
/// </summary>
public sealed class TemplateDetector
{
    public const int Capacity = 256;

    /// <summary>Recent texts' SimHashes, as a ring.</summary>
    public List<ulong> Texts { get; set; } = [];

    /// <summary>The customer (hashed) of each text in <see cref="Texts"/>.</summary>
    public List<ulong> Customers { get; set; } = [];

    /// <summary>Whether each text in <see cref="Texts"/> is already counted as templated.</summary>
    public List<bool> Counted { get; set; } = [];

    /// <summary>The ring slot written next once the ring is full.</summary>
    public int Next { get; set; }

    /// <summary>Compares one complaint's text with the recent ones; returns how many complaints became templated (0, 1 or 2).</summary>
    public int Observe(ulong text, ulong customer, int distance)
    {
        var newly = 0;
        var matched = false;
        for (var i = 0; i < Texts.Count; i++)
        {
            if (Customers[i] == customer || TextSimHash.Distance(Texts[i], text) > distance)
            {
                continue;
            }
            matched = true;
            if (!Counted[i])
            {
                Counted[i] = true;
                newly++;
            }
        }
        newly += matched ? 1 : 0;
        Remember(text, customer, matched);
        return newly;
    }

    private void Remember(ulong text, ulong customer, bool counted)
    {
        if (Texts.Count < Capacity)
        {
            Texts.Add(text);
            Customers.Add(customer);
            Counted.Add(counted);
            return;
        }
        Texts[Next] = text;
        Customers[Next] = customer;
        Counted[Next] = counted;
        Next = (Next + 1) % Capacity;
    }
}
