namespace IntakeMesh.Core.Understanding;

/// <summary>
/// Scores emotion. A complaint starts mildly dissatisfied; composed wording ("您好", "Caller
/// states", "thank you") pulls it towards calm, while negative words, insults, repetition (又坏了,
/// "again"), escalation threats, '!' and "???" runs and shouting in capitals push it up.
/// Out-of-control needs outburst language (threats of harm, profanity, breakdown) or an extreme total.
/// </summary>
internal static class EmotionGauge
{
    public static EmotionLevel Level(string original, in TextSignals signals, Urgency urgency, RiskSignals risks, ClassifierSettings settings)
    {
        var score = Score(original, signals, urgency, risks, settings);
        return signals.Scores[SignalSlots.Outburst] >= settings.OutburstAt || score >= settings.OutOfControlAt ? EmotionLevel.OutOfControl
            : score >= settings.AngryAt ? EmotionLevel.Angry
            : score >= settings.DissatisfiedAt ? EmotionLevel.Dissatisfied
            : EmotionLevel.Calm;
    }

    /// <summary>The emotion score before it is cut into levels.</summary>
    public static float Score(string original, in TextSignals signals, Urgency urgency, RiskSignals risks, ClassifierSettings settings)
    {
        var score = settings.BaseEmotion + signals.Scores[SignalSlots.Emotion] + signals.Scores[SignalSlots.Outburst];

        var runWeights = settings.ExclamationRunWeights;
        score += runWeights[Math.Min(signals.LongestExclamationRun, runWeights.Length - 1)];
        score += Math.Max(0, signals.ExclamationRuns - 1) * settings.ExtraExclamationRunWeight;
        score += Math.Min(signals.Exclamations * settings.ExclamationWeight, settings.ExclamationCap);
        score += signals.QuestionRuns * settings.QuestionRunWeight;
        score += signals.Questions > 0 ? settings.QuestionWeight : 0;
        score += signals.Emoji > 0 ? settings.EmojiWeight : 0;

        score += urgency == Urgency.InProgress ? settings.InProgressEmotion : 0;
        foreach (var flag in SignalSlots.RiskFlags)
        {
            score += (risks & flag) != 0 ? settings.RiskEmotion[SignalSlots.OfRisk(flag) - SignalSlots.Risk] : 0;
        }

        score += ShoutingDetector.HasEmphasis(original, settings.EmphasisWords) ? settings.EmphasisWeight : 0;
        var shouted = ShoutingDetector.ShoutedLetters(original);
        score += shouted >= settings.ShoutingMinLetters ? settings.ShoutingWeight : 0;
        return score + (shouted >= settings.ShoutingHeavyLetters ? settings.ShoutingHeavyWeight : 0);
    }
}
