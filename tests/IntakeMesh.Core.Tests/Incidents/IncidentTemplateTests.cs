using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Understanding;
using static IntakeMesh.Core.Tests.Incidents.Facts;

namespace IntakeMesh.Core.Tests.Incidents;

/// <summary>Near-identical texts from different customers: a templated, possibly coordinated wave (domain.md §5).</summary>
public class IncidentTemplateTests
{
    private const string Template = "极光AX-7电池鼓包充不进电，和网上说的一模一样，这是批量质量问题，必须给个说法。订单号 {0}";

    private static ulong? Hash(string text) => TextSimHash.Compute(TextNormalizer.Normalize(text));

    [Fact]
    public void Compute_CopiesWithOtherNumbers_AreIdentical_UnrelatedTextsAreFarApart()
    {
        var a = Hash(string.Format(Template, "SO-88812"))!.Value;
        var b = Hash(string.Format(Template, "SO-10234"))!.Value;
        var other = Hash("My AX-7 battery stopped charging after six weeks. Please replace it.")!.Value;

        Assert.Equal(0, TextSimHash.Distance(a, b));
        Assert.True(TextSimHash.Distance(a, other) > 10);
        Assert.Null(Hash("12"));
    }

    [Fact]
    public void Compute_SpacingCaseAndPunctuationAside_IsIdentical()
    {
        var text = "My AX-7 e-bike battery stopped charging after six weeks; the dealer refuses to replace it.";
        var edited = "my ax7 ebike BATTERY stopped charging after SIX weeks!!! The dealer refuses to replace it";

        Assert.Equal(0, TextSimHash.Distance(Hash(text)!.Value, Hash(edited)!.Value));
    }

    [Fact]
    public void Apply_SameTemplateFromThreeCustomers_CountsThreeTemplated()
    {
        var incident = Run(
            Of("c1", TimeSpan.Zero) with { TextSimHash = Hash(string.Format(Template, "1")) },
            Of("c2", Hours(1)) with { TextSimHash = Hash("My AX-7 battery stopped charging after six weeks.") },
            Of("c3", Hours(2)) with { TextSimHash = Hash(string.Format(Template, "2")) },
            Of("c4", Hours(3)) with { TextSimHash = Hash(string.Format(Template, "3")) });

        Assert.Equal(3, incident.State.Templated);
        Assert.Equal(4, incident.State.ParticipantCount);
        Assert.Equal(2, incident.State.History[^1].Templated); // when the third customer made it a group
        Assert.Equal(3, IncidentSummary.From(incident.State).Templated);
    }

    [Fact]
    public void Apply_SameTextFromOneCustomer_IsNotTemplated()
    {
        var hash = Hash(string.Format(Template, "1"));

        var incident = Run(Of("c1", TimeSpan.Zero) with { TextSimHash = hash }, Of("c1", Days(4)) with { TextSimHash = hash });

        Assert.Equal(0, incident.State.Templated);
    }

    [Fact]
    public void Apply_DistanceThresholdIsConfigurable()
    {
        var a = Hash("AX-7 battery died after six weeks, dealer refuses a replacement, batch problem")!.Value;
        var b = a ^ 0b1111; // four bits apart

        Assert.Equal(0, Run(new DetectionOptions(), [Of("c1", TimeSpan.Zero) with { TextSimHash = a }, Of("c2", Hours(1)) with { TextSimHash = b }]).State.Templated);
        Assert.Equal(2, Run(new DetectionOptions { TemplateDistance = 4 }, [Of("c1", TimeSpan.Zero) with { TextSimHash = a }, Of("c2", Hours(1)) with { TextSimHash = b }]).State.Templated);
    }
}
