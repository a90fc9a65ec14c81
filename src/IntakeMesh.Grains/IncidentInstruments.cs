using System.Diagnostics.Metrics;

namespace IntakeMesh.Grains;

/// <summary>The incident grains' own metrics (meter "IntakeMesh", as ingestion's).</summary>
public sealed class IncidentInstruments
{
    private readonly Counter<long> _slaBreaches;
    private readonly Counter<long> _regulatoryWarnings;
    private readonly Counter<long> _regulatoryBreaches;

    public IncidentInstruments(IMeterFactory meters)
    {
        var meter = meters.Create("IntakeMesh");
        _slaBreaches = meter.CreateCounter<long>("intakemesh.sla.breaches", description: "First-response deadlines that passed without acknowledgement.");
        _regulatoryWarnings = meter.CreateCounter<long>("intakemesh.regulatory.warnings", description: "Regulatory deadlines that used up a warning share of their time (75%, 90%).");
        _regulatoryBreaches = meter.CreateCounter<long>("intakemesh.regulatory.breaches", description: "Regulatory deadlines that passed before their stage was done.");
    }

    public void SlaBreached(string tier) => _slaBreaches.Add(1, new KeyValuePair<string, object?>("tier", tier));

    public void RegulatoryWarning(string rule, string stage, double elapsed) => _regulatoryWarnings.Add(1,
        new KeyValuePair<string, object?>("rule", rule), new KeyValuePair<string, object?>("stage", stage),
        new KeyValuePair<string, object?>("elapsed", elapsed.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)));

    public void RegulatoryBreach(string rule, string stage) => _regulatoryBreaches.Add(1,
        new KeyValuePair<string, object?>("rule", rule), new KeyValuePair<string, object?>("stage", stage));
}
