using IntakeMesh.Core.Incidents.Sketches;

namespace IntakeMesh.Core.Incidents;

/// <summary>Where each applied complaint went, for explaining it (not stored: the caller takes them after each batch).</summary>
public sealed partial class Incident
{
    private List<ComplaintPlacement> _placements = [];

    /// <summary>The placements of the complaints applied since the last call, in the order applied.</summary>
    public IReadOnlyList<ComplaintPlacement> TakePlacements()
    {
        var taken = _placements;
        _placements = [];
        return taken;
    }

    /// <summary>Compares the complaint's text with the recent ones (see <see cref="TemplateDetector"/>) and records where it went.</summary>
    private int ObserveText(ComplaintFact fact, ulong? text, ulong customer, bool repeat)
    {
        TextComparison? comparison = null;
        var templated = 0;
        if (!repeat && text is { } hash)
        {
            templated = State.Templates.Observe(hash, customer, _options.TemplateDistance, fact.DedupId, out var compared);
            comparison = compared;
        }
        _placements.Add(new ComplaintPlacement(fact.DedupId, State.Id, repeat, comparison));
        return templated;
    }
}
