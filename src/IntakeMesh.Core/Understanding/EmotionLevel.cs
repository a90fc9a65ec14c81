namespace IntakeMesh.Core.Understanding;

/// <summary>The four emotion levels of the practice (domain guide §3), mildest first.</summary>
public enum EmotionLevel
{
    /// <summary>平静: a factual account with no negative feeling expressed.</summary>
    Calm,
    /// <summary>不满: disappointment or displeasure.</summary>
    Dissatisfied,
    /// <summary>愤怒: strong words, insults, shouting, runs of exclamation marks.</summary>
    Angry,
    /// <summary>失控: threats, profanity, extreme language.</summary>
    OutOfControl,
}
