namespace IntakeMesh.Core.Incidents.Sketches;

/// <summary>
/// What <see cref="TemplateDetector"/> compared one complaint's text with: the nearest recent text
/// in the incident (any customer's) and its SimHash distance in bits, and the nearest text of
/// another customer within the template distance (<paramref name="Threshold"/>), which makes the
/// complaint a templated near-duplicate. Ids are complaint ids (<c>Channel:eventId</c>); null when
/// there was no such text.
/// </summary>
public sealed record TextComparison(string? NearestId, int? NearestDistance, string? TemplateOf, int? TemplateDistance, int Threshold);
