namespace IntakeMesh.Core.Understanding;

/// <summary>Whether the customer's loss has stopped or is still happening (domain guide §2).</summary>
public enum Urgency
{
    /// <summary>Past-tense complaint (过去时投诉): the loss has stopped.</summary>
    Past,
    /// <summary>In-progress complaint (进行时投诉): the loss continues and must be stopped first.</summary>
    InProgress,
}
