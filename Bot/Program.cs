// The bot's single entry point: `Bot VERB [options]`. With no verb it serves (docs/ARCHITECTURE.md).
return await Bot.Cli.CommandLine.RunAsync(args);
