// The crashed fork ran with the user's argLine, JaCoCo's agent and test-abort's (its fatal error log's
// jvm_args is its real command line), and the crash is named in the crash log and the JUnit XML report.
import javax.xml.parsers.DocumentBuilderFactory

def target = new File(basedir, 'target')
def lines = new File(target, 'test-abort/crashes.jsonl').readLines().findAll { it.trim() }
assert lines.size() == 1 : lines
def crash = lines[0]
assert crash.contains('"nodeid": "com.example.ledger.LedgerTest#reconciles[2]"') : crash
assert crash.contains('"signal": "SIGSEGV"') && crash.contains('"phase": "call"') : crash
assert !new File(target, 'test-abort').list().any { it.startsWith('last_running_') }

def errorFile = new File((crash =~ /"error_file": "([^"]+)"/)[0][1])
def jvmArgs = errorFile.readLines().find { it.startsWith('jvm_args:') }
assert jvmArgs =~ /-javaagent:\S+org\.jacoco\.agent-[\d.]+-runtime\.jar=destfile=/ : jvmArgs
assert jvmArgs.contains('-Dledger.user.arg=kept -Xss2m') : jvmArgs
assert jvmArgs =~ /-javaagent:\S+test-abort-agent-[^\s=]+\.jar=dir=\S+target\/test-abort/ : jvmArgs

def report = DocumentBuilderFactory.newInstance().newDocumentBuilder()
    .parse(new File(target, 'surefire-reports/TEST-com.example.ledger.LedgerTest.xml'))
def cases = report.getElementsByTagName('testcase')
def crashed = (0..<cases.length).collect { cases.item(it) }.find { it.getAttribute('name') == 'reconciles(int, int)[2]' }
assert crashed != null && crashed.getAttribute('classname') == 'com.example.ledger.LedgerTest'
assert crashed.getElementsByTagName('error').item(0).getAttribute('type') == 'SIGSEGV'

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR]   com.example.ledger.LedgerTest#reconciles[2] (phase call): SIGSEGV in ') : 'crash not printed'
return true
