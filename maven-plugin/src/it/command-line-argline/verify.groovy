// mvn verify -DargLine=-Xmx256m with the README's one block: Maven resolves ${argLine} from the command
// line before the project's property, so prepare-agent must put the agent into that value too. The fork
// got both (-Xmx256m first), died in LedgerTest#reconciles[2], and the report goal named it.
def target = new File(basedir, 'target')
def lines = new File(target, 'test-abort/crashes.jsonl').readLines().findAll { it.trim() }
assert lines.size() == 1 : lines
assert lines[0].contains('"nodeid": "com.example.ledger.LedgerTest#reconciles[2]"') : lines[0]

def log = new File(basedir, 'build.log').text
assert log.contains('argLine set to -Xmx256m -javaagent:') : 'the command-line value kept, the agent after it'
assert log.contains('[ERROR]   com.example.ledger.LedgerTest#reconciles[2] (phase call): ') : 'crash not printed'
return true
