// Two forks (forkCount=2): one was SIGKILLed in LedgerTest$Quarterly#files, the other finished its classes and
// removed its marker. mvn test-abort:report in the next step recorded the crash once and added it to
// Surefire's reports, next to the reports of the classes that passed: in the outer class's file, where
// Surefire puts the test cases of a @Nested class.
import javax.xml.parsers.DocumentBuilderFactory

def target = new File(basedir, 'target')
def lines = new File(target, 'test-abort/crashes.jsonl').readLines().findAll { it.trim() }
assert lines.size() == 1 : lines
def crash = lines[0]
assert crash.contains('"nodeid": "com.example.ledger.LedgerTest$Quarterly#files"') : crash
assert crash.contains('"phase": "call"') : crash
assert !new File(target, 'test-abort').list().any { it.startsWith('last_running_') }

def reports = new File(target, 'surefire-reports')
['BootTest', 'ClosingTest', 'SettlementTest'].each { assert new File(reports, "TEST-com.example.ledger.${it}.xml").isFile() }
def report = DocumentBuilderFactory.newInstance().newDocumentBuilder()
    .parse(new File(reports, 'TEST-com.example.ledger.LedgerTest.xml'))
assert !new File(reports, 'TEST-com.example.ledger.LedgerTest$Quarterly.xml').exists()
def cases = report.getElementsByTagName('testcase')
def crashed = (0..<cases.length).collect { cases.item(it) }.find { it.getAttribute('name') == 'files' }
assert crashed != null && crashed.getAttribute('classname') == 'com.example.ledger.LedgerTest$Quarterly'
assert crashed.getElementsByTagName('error').length == 1

def log = new File(basedir, 'build.log').text
assert log.contains('Process Exit Code: 137')
assert log.contains('[ERROR]   com.example.ledger.LedgerTest$Quarterly#files (phase call): ') : 'crash not printed'
return true
