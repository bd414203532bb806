// A SIGSEGV in LedgerTest#reconciles[2] stopped the build; test-abort:report in the next step named it in the
// crash log, in Surefire's JUnit XML (as Surefire names that invocation) and on the console, and running it
// again changed nothing. The agent jar was never on the tests' class path.
import javax.xml.parsers.DocumentBuilderFactory

def target = new File(basedir, 'target')
def lines = new File(target, 'test-abort/crashes.jsonl').readLines().findAll { it.trim() }
assert lines.size() == 1 : lines
def crash = lines[0]
assert crash.contains('"nodeid": "com.example.ledger.LedgerTest#reconciles[2]"') : crash
assert crash.contains('"signal": "SIGSEGV"') && crash.contains('"phase": "call"') : crash
assert crash.contains('"display_name": "[2] 5 + 7"') : crash
assert !new File(target, 'test-abort').list().any { it.startsWith('last_running_') }

def parse = { name -> DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(target, 'surefire-reports/' + name)) }
def report = parse('TEST-com.example.ledger.LedgerTest.xml')
def cases = report.getElementsByTagName('testcase')
def crashed = (0..<cases.length).collect { cases.item(it) }.findAll { it.getAttribute('name') == 'reconciles(int, int)[2]' }
assert crashed.size() == 1
assert crashed[0].getAttribute('classname') == 'com.example.ledger.LedgerTest'
assert crashed[0].getElementsByTagName('error').item(0).getAttribute('type') == 'SIGSEGV'
assert report.documentElement.getAttribute('errors') == '1'

// Surefire records the forks' class path in the reports of the classes that finished
def props = parse('TEST-com.example.ledger.BootTest.xml').getElementsByTagName('property')
def classPath = (0..<props.length).collect { props.item(it) }.find { it.getAttribute('name') == 'surefire.test.class.path' }
assert classPath != null && classPath.getAttribute('value').contains('crash-support')
assert !classPath.getAttribute('value').contains('test-abort-agent') : classPath.getAttribute('value')

def log = new File(basedir, 'build.log').text
assert log.contains('The forked VM terminated without properly saying goodbye')
assert log.contains('[ERROR]   com.example.ledger.LedgerTest#reconciles[2] (phase call): SIGSEGV in ') : 'crash not printed'
return true
