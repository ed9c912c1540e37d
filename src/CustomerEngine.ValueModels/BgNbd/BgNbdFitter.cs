using CustomerEngine.ValueModels.Fitting;
using CustomerEngine.ValueModels.Purchases;

namespace CustomerEngine.ValueModels.BgNbd;

/// <summary>Fits BG/NBD by maximum likelihood over a whole customer base.</summary>
public static class BgNbdFitter
{
    /// <summary>Where the search starts unless told otherwise: r = alpha = a = b = 1.</summary>
    public static BgNbdParameters DefaultStart { get; } = new(1, 1, 1, 1);

    // Below this many cells the thread hand-off costs more than it saves.
    private const int ParallelCellThreshold = 20_000;
    private const int CellsPerChunk = 8_192;

    /// <summary>Fits r, alpha, a and b to the customers' (x, t_x, T).</summary>
    /// <param name="customers">The calibration summaries; spend is ignored.</param>
    /// <param name="options">Search settings; <see cref="FitOptions.Default"/> when null.</param>
    /// <param name="progress">Receives the evaluation count and best log-likelihood as the search runs.</param>
    /// <param name="start">Starting parameters; <see cref="DefaultStart"/> when null.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    /// <returns>The fit, with <see cref="BgNbdFit.Converged"/> false and a reason when it cannot be trusted.</returns>
    public static BgNbdFit Fit(
        IEnumerable<RfmSummary> customers,
        FitOptions? options = null,
        IProgress<FitProgress>? progress = null,
        BgNbdParameters? start = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customers);
        options ??= FitOptions.Default;
        start ??= DefaultStart;

        var list = customers as IReadOnlyCollection<RfmSummary> ?? customers.ToList();
        if (list.Count == 0)
        {
            return new BgNbdFit(start, 0, 0, false, 0, "There are no customers to fit.");
        }

        // Distinct T and t_x are few at calendar-day resolution; indexing them first lets cells be keyed by integers.
        var tIndex = new Dictionary<double, int>();
        var txIndex = new Dictionary<double, int>();
        var cellCustomers = new Dictionary<BgNbdCellKey, int>();
        foreach (var customer in list)
        {
            customer.Validate();
            var key = new BgNbdCellKey(customer.X, IndexOf(tIndex, customer.T), IndexOf(txIndex, customer.Tx));
            cellCustomers[key] = cellCustomers.GetValueOrDefault(key) + 1;
        }

        var distinctT = ValuesByIndex(tIndex);
        var distinctTx = ValuesByIndex(txIndex);
        var maximumX = cellCustomers.Keys.Max(key => key.X);

        // The constant and alive parts of each customer's term are summed per distinct x and per distinct T;
        // only customers with repeats need their own (x, t_x, T) cell for the dropout correction.
        var customersByX = new double[maximumX + 1];
        var customersByT = new double[distinctT.Length];
        var repeatsByT = new double[distinctT.Length];
        var repeatCells = new List<BgNbdCell>();
        foreach (var (key, customerCount) in cellCustomers)
        {
            customersByX[key.X] += customerCount;
            customersByT[key.TIndex] += customerCount;
            repeatsByT[key.TIndex] += (double)key.X * customerCount;
            if (key.X > 0)
            {
                repeatCells.Add(new BgNbdCell(key.X, key.TIndex, key.TxIndex, customerCount));
            }
        }

        if (repeatCells.Count == 0)
        {
            // Without a single repeat the likelihood only grows as r → 0 or alpha → ∞ and says nothing about a and b.
            return new BgNbdFit(start, list.Sum(customer => start.LogLikelihood(customer.X, customer.Tx, customer.T)), list.Count, false, 0, "No customer has a repeat transaction, so the data cannot identify the BG/NBD parameters.");
        }

        var cells = repeatCells.OrderBy(cell => cell.X).ThenBy(cell => cell.TIndex).ToArray();
        var logAlphaPlusT = new double[distinctT.Length];
        var logAlphaPlusTx = new double[distinctTx.Length];
        var termsByX = new BgNbdLikelihoodTerms[maximumX + 1];
        var chunkCount = (cells.Length + CellsPerChunk - 1) / CellsPerChunk;
        var chunkSums = new double[chunkCount];

        void SumChunk(int chunk)
        {
            var sum = 0.0;
            var end = Math.Min(cells.Length, (chunk + 1) * CellsPerChunk);
            for (var i = chunk * CellsPerChunk; i < end; i++)
            {
                var cell = cells[i];
                sum += cell.Customers * termsByX[cell.X].DropoutCorrection(logAlphaPlusT[cell.TIndex], logAlphaPlusTx[cell.TxIndex]);
            }

            chunkSums[chunk] = sum;
        }

        double LogLikelihood(double[] point)
        {
            var parameters = new BgNbdParameters(point[0], point[1], point[2], point[3]);
            var total = 0.0;
            for (var i = 0; i < distinctT.Length; i++)
            {
                logAlphaPlusT[i] = Math.Log(parameters.Alpha + distinctT[i]);
                total -= (parameters.R * customersByT[i] + repeatsByT[i]) * logAlphaPlusT[i];
            }

            for (var i = 0; i < distinctTx.Length; i++)
            {
                logAlphaPlusTx[i] = Math.Log(parameters.Alpha + distinctTx[i]);
            }

            for (var x = 0; x <= maximumX; x++)
            {
                if (customersByX[x] > 0)
                {
                    termsByX[x] = BgNbdLikelihoodTerms.For(parameters, x);
                    total += customersByX[x] * termsByX[x].Constant;
                }
            }

            if (cells.Length >= ParallelCellThreshold)
            {
                Parallel.For(0, chunkCount, SumChunk);
            }
            else
            {
                for (var chunk = 0; chunk < chunkCount; chunk++)
                {
                    SumChunk(chunk);
                }
            }

            // Summing the chunks in a fixed order keeps the fit deterministic regardless of thread scheduling.
            foreach (var chunkSum in chunkSums)
            {
                total += chunkSum;
            }

            return total;
        }

        var outcome = LogSpaceMaximiser.Maximise(
            LogLikelihood,
            [start.R, start.Alpha, start.A, start.B],
            ["r", "alpha", "a", "b"],
            options,
            progress,
            cancellationToken);
        var fitted = new BgNbdParameters(outcome.Parameters[0], outcome.Parameters[1], outcome.Parameters[2], outcome.Parameters[3]);
        return new BgNbdFit(fitted, outcome.LogLikelihood, list.Count, outcome.Converged, outcome.Evaluations, outcome.Reason);
    }

    private static int IndexOf(Dictionary<double, int> index, double value)
    {
        if (!index.TryGetValue(value, out var position))
        {
            position = index.Count;
            index.Add(value, position);
        }

        return position;
    }

    private static double[] ValuesByIndex(Dictionary<double, int> index)
    {
        var values = new double[index.Count];
        foreach (var (value, position) in index)
        {
            values[position] = value;
        }

        return values;
    }
}
