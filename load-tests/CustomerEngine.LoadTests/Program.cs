using CustomerEngine.LoadTests.CommandLine;

return await LoadTool.RunAsync(args);
