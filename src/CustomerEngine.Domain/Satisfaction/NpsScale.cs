namespace CustomerEngine.Domain.Satisfaction;

/// <summary>
/// The Net Promoter scale. Its classification is a static extension of <see cref="NpsCategory"/>,
/// so callers write <c>NpsCategory.Of(score)</c> (enums cannot declare members themselves).
/// </summary>
public static class NpsScale
{
    extension(NpsCategory)
    {
        /// <summary>The category of an NPS score from 0 to 10.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The score is outside 0–10.</exception>
        public static NpsCategory Of(int score) => score switch
        {
            >= 9 and <= 10 => NpsCategory.Promoter,
            >= 7 and <= 8 => NpsCategory.Passive,
            >= 0 and <= 6 => NpsCategory.Detractor,
            _ => throw new ArgumentOutOfRangeException(nameof(score), score, "An NPS score is an integer from 0 to 10."),
        };
    }
}
