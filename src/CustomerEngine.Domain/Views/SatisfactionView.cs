using CustomerEngine.Domain.Satisfaction;

namespace CustomerEngine.Domain.Views;

/// <summary>
/// The voice-of-the-customer part of <see cref="Customer360"/>: the latest scores, the number of
/// feedback responses, open and resolved complaints, and the mean hours to resolve (null before
/// the first resolution).
/// </summary>
public sealed record SatisfactionView(
    int? Nps,
    NpsCategory? NpsCategory,
    int? Ces,
    int Responses,
    int OpenComplaints,
    int ComplaintsResolved,
    double? AverageHoursToResolve);
