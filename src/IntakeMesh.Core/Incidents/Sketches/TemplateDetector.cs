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

    /// <summary>
    /// The complaint (<c>Channel:eventId</c>) of each text in <see cref="Texts"/>, to explain a match;
    /// "" for texts stored before complaints were recorded here.
    /// </summary>
    public List<string> Ids { get; set; } = [];

    /// <summary>The ring slot written next once the ring is full.</summary>
    public int Next { get; set; }

    /// <summary>Compares one complaint's text with the recent ones; returns how many complaints became templated (0, 1 or 2).</summary>
    public int Observe(ulong text, ulong customer, int distance) => Observe(text, customer, distance, "", out _);

    /// <summary>
    /// As <see cref="Observe(ulong, ulong, int)"/>, and says what the text was compared with: the
    /// nearest recent text of any complaint, and the nearest of another customer's within
    /// <paramref name="distance"/> (the one that makes this complaint templated).
    /// </summary>
    public int Observe(ulong text, ulong customer, int distance, string complaintId, out TextComparison comparison)
    {
        var newly = 0;
        var matched = false;
        int nearest = -1, nearestDistance = int.MaxValue, template = -1, templateDistance = int.MaxValue;
        for (var i = 0; i < Texts.Count; i++)
        {
            var apart = TextSimHash.Distance(Texts[i], text);
            if (apart < nearestDistance)
            {
                (nearest, nearestDistance) = (i, apart);
            }
            if (Customers[i] == customer || apart > distance)
            {
                continue;
            }
            matched = true;
            if (apart < templateDistance)
            {
                (template, templateDistance) = (i, apart);
            }
            if (!Counted[i])
            {
                Counted[i] = true;
                newly++;
            }
        }
        newly += matched ? 1 : 0;
        comparison = new TextComparison(
            nearest < 0 ? null : IdAt(nearest), nearest < 0 ? null : nearestDistance,
            template < 0 ? null : IdAt(template), template < 0 ? null : templateDistance,
            distance);
        Remember(text, customer, matched, complaintId);
        return newly;
    }

    private string? IdAt(int slot) => slot < Ids.Count && Ids[slot].Length > 0 ? Ids[slot] : null;

    private void Remember(ulong text, ulong customer, bool counted, string complaintId)
    {
        // State stored before ids were kept has none: line them up with the texts first.
        while (Ids.Count < Texts.Count)
        {
            Ids.Add("");
        }
        if (Texts.Count < Capacity)
        {
            Texts.Add(text);
            Customers.Add(customer);
            Counted.Add(counted);
            Ids.Add(complaintId);
            return;
        }
        Texts[Next] = text;
        Customers[Next] = customer;
        Counted[Next] = counted;
        Ids[Next] = complaintId;
        Next = (Next + 1) % Capacity;
    }
}
