namespace CustomerEngine.Campaigns.Conditions;

/// <summary>The test a field condition applies to each value found at its path; any match suffices.</summary>
// Operands are an array, looped by index: tests run for every value of every condition of every campaign.
internal sealed class ValueTest(ValueTestKind kind, Operand[] operands, Operand? low = null, Operand? high = null)
{
    public ValueTestKind Kind => kind;


    public bool Matches(in FieldValue value)
    {
        switch (kind)
        {
            case ValueTestKind.In:
            case ValueTestKind.EqualTo:
                for (var i = 0; i < operands.Length; i++)
                {
                    if (operands[i].Equal(value))
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
