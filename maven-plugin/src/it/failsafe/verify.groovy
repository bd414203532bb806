// Failsafe's fork died in System.exit(3); the report goal bound to verify ran before failsafe:verify failed
// the build, and put the crash into Failsafe's reports (not Surefire's).
import javax.xml.parsers.DocumentBuilderFactory

def target = new File(basedir, 'target')
def lines = new File(target, 'test-abort/crashes.jsonl').readLines().findAll { it.trim() }
assert lines.size() == 1 : lines
def crash = lines[0]
assert crash.contains('"nodeid": "com.example.ledger.LedgerTest#audits[3]"') : crash
assert crash.contains('"exit_code": 3') && crash.contains('"phase": "call"') : crash
assert !new File(target, 'test-abort').list().any { it.startsWith('last_running_') }

def report = DocumentBuilderFactory.newInstance().newDocumentBuilder()
    .parse(new File(target, 'failsafe-reports/TEST-com.example.ledger.LedgerTest.xml'))
def cases = report.getElementsByTagName('testcase')
def crashed = (0..<cases.length).collect { cases.item(it) }.find { it.getAttribute('name') == 'audits(RepetitionInfo)[3]' }
assert crashed != null && crashed.getAttribute('classname') == 'com.example.ledger.LedgerTest'
assert crashed.getElementsByTagName('error').item(0).getAttribute('message').startsWith('System.exit(3) called from ')
assert !new File(target, 'surefire-reports').exists()

def log = new File(basedir, 'build.log').text
def reported = log.indexOf('[ERROR]   com.example.ledger.LedgerTest#audits[3] (phase call): System.exit(3) called from ')
assert reported > 0 : 'crash not printed'
def failsafeVerify = log.find(/--- failsafe:\S+:verify/)
assert failsafeVerify != null && reported < log.indexOf(failsafeVerify) : 'the report did not run before failsafe:verify'
return true
