import readline from "node:readline";

/** Reads a password: the first line of stdin when piped, else a prompt that does not echo. */
export async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = "";
    for await (const chunk of process.stdin) data += chunk;
    return data.split(/\r?\n/)[0] ?? "";
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const write = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write(prompt);
  write._writeToOutput = () => {}; // no echo while typing
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}
