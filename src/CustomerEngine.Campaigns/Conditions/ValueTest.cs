namespace CustomerEngine.Campaigns.Conditions;

/// <summary>The test a field condition applies to each value found at its path; any match suffices.</summary>
internal sealed class ValueTest(ValueTestKind kind, IReadOnlyList<Operand> operands, Operand? low = null, Operand? high = null)
{
    public ValueTestKind Kind => kind;

    public IReadOnlyList<Operand> Operands => operands;

    public bool Matches(in FieldValue value)
    {
        switch (kind)
        {
            case ValueTestKind.In:
            case ValueTestKind.EqualTo:
                foreach (var operand in operands)
                {
                    if (operand.Equal(value))
                    {
                        return true;
                    }
                }

                return false;
            case ValueTestKind.Contains:
                return operands[0].ContainedIn(value);
            default:
                return (low is null || low.CompareFrom(value) >= 0) && (high is null || high.CompareFrom(value) <= 0);
        }
    }
}
