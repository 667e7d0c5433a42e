import json
LAMBDA_RETRY = {"ErrorEquals": ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"], "IntervalSeconds": 2, "MaxAttempts": 6, "BackoffRate": 2, "JitterStrategy": "FULL"}
TRANSIENT_RETRY = {"ErrorEquals": ["TransientError"], "IntervalSeconds": 1, "MaxAttempts": 5, "BackoffRate": 2}
MARKET_RETRY = {"ErrorEquals": ["MarketplaceUnavailableError"], "IntervalSeconds": 30, "MaxAttempts": 4, "BackoffRate": 2}

def park(at):
    return {"ErrorEquals": ["States.ALL"], "ResultPath": "$.failure", "Next": f"ParkAt{at}"}

def timeout(nxt):
    return {"ErrorEquals": ["States.Timeout"], "ResultPath": "$.timedOut", "Next": nxt}

def invoke(fn, payload, result_path, nxt, market=False, parked_at=None):
    s = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
         "Parameters": {"FunctionName": "${%sFunctionArn}" % fn, "Payload": payload},
         "ResultSelector": {"value.$": "$.Payload"},
         "ResultPath": result_path,
         "Retry": [LAMBDA_RETRY, TRANSIENT_RETRY] + ([MARKET_RETRY] if market else [])}
    if parked_at:
        s["Catch"] = [park(parked_at)]
    s["Next"] = nxt
    return s

def payload(step, **extra):
    p = {"v": 1, "caseId.$": "$.caseId", "step": step}
    p.update(extra)
    return p

def await_input(kind, step_key, timeout_path, nxt, catches, queue=None, extra=None, result_path="$.input"):
    p = {"v": 1, "caseId.$": "$.caseId", "kind": kind, "stepKey.$": step_key, "taskToken.$": "$$.Task.Token", "timeoutSeconds.$": timeout_path}
    if queue:
        p["queue.$" if queue.startswith("$") else "queue"] = queue
    if extra:
        p.update(extra)
    return {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
            "Parameters": {"FunctionName": "${OpenPendingTaskFunctionArn}", "Payload": p},
            "TimeoutSecondsPath": timeout_path,
            "ResultPath": result_path,
            "Retry": [LAMBDA_RETRY, TRANSIENT_RETRY],
            "Catch": catches,
            "Next": nxt}

def count(counter, nxt):
    return {"Type": "Pass", "Parameters": {"n.$": f"States.MathAdd($.{counter}.n, 1)"}, "ResultPath": f"$.{counter}", "Next": nxt}

S = {}
S["Init"] = {"Type": "Pass", "Comment": "Normalises the execution input (payload version 1: {v, caseId}) and starts the counters that make step keys unique.",
             "Parameters": {"v": 1, "caseId.$": "$.caseId", "round": {"n": 0}, "escalations": {"n": 0}, "parks": {"n": 0}, "failure": None, "decision": None}, "Next": "Screen"}
S["Screen"] = invoke("ScreenCase", payload("screen"), "$.screen", "ScreenOutcome", market=True, parked_at="Screen")
S["ScreenOutcome"] = {"Type": "Choice", "Choices": [
    {"Variable": "$.screen.value.next", "StringEquals": "review", "Next": "AwaitReview"},
    {"Variable": "$.screen.value.next", "StringEquals": "withdraw", "Next": "Withdraw"}],
    "Default": "Closed"}
S["AwaitReview"] = await_input("review", "States.Format('review#{}', $.round.n)", "$.screen.value.windows.reviewSeconds", "RouteDecision",
    [timeout("EscalateReview"), park("AwaitReview")], queue="$.screen.value.reviewQueue", result_path="$.decision")
S["EscalateReview"] = await_input("escalated_review", "States.Format('escalated#{}#{}', $.round.n, $.escalations.n)", "$.screen.value.windows.escalatedReviewSeconds", "RouteDecision",
    [timeout("EscalationOverdue"), park("EscalateReview")], queue="escalated", result_path="$.decision")
S["EscalationOverdue"] = invoke("RaiseOverdue", payload("overdue", **{"kind": "escalated_review", "stepKey.$": "States.Format('escalation_overdue#{}#{}', $.round.n, $.escalations.n)"}), "$.overdue", "CountEscalation", parked_at="EscalateReview")
S["CountEscalation"] = count("escalations", "EscalateReview")
S["RouteDecision"] = {"Type": "Choice", "Choices": [
    {"Variable": "$.decision.type", "StringEquals": "withdraw", "Next": "Withdraw"},
    {"Variable": "$.decision.decision", "StringEquals": "approve", "Next": "TakeDown"},
    {"Variable": "$.decision.decision", "StringEquals": "reject", "Next": "CloseRejected"},
    {"Variable": "$.decision.decision", "StringEquals": "request_info", "Next": "AwaitInfo"}],
    "Default": "ParkAtAwaitReview"}
S["CloseRejected"] = invoke("CloseCase", payload("close", **{"outcome": "rejected", "decision.$": "$.decision"}), "$.closed", "Closed", parked_at="CloseRejected")
S["AwaitInfo"] = await_input("info", "States.Format('info#{}', $.round.n)", "$.screen.value.windows.infoSeconds", "RouteInfo",
    [timeout("CloseAbandoned"), park("AwaitInfo")], extra={"decision.$": "$.decision"})
S["RouteInfo"] = {"Type": "Choice", "Choices": [{"Variable": "$.input.type", "StringEquals": "withdraw", "Next": "Withdraw"}], "Default": "CountRound"}
S["CountRound"] = count("round", "AwaitReview")
S["CloseAbandoned"] = invoke("CloseCase", payload("close", outcome="abandoned"), "$.closed", "Closed", parked_at="CloseAbandoned")
S["TakeDown"] = invoke("TakeDownListing", payload("take_down"), "$.takedown", "AfterTakeDown", market=True, parked_at="TakeDown")
S["AfterTakeDown"] = {"Type": "Choice", "Choices": [{"Variable": "$.takedown.value.next", "StringEquals": "withdraw", "Next": "Withdraw"}], "Default": "RecordStrike"}
S["RecordStrike"] = invoke("RecordStrike", payload("strike"), "$.strike", "AfterStrike", parked_at="RecordStrike")
S["AfterStrike"] = {"Type": "Choice", "Choices": [{"Variable": "$.strike.value.next", "StringEquals": "withdraw", "Next": "Withdraw"}], "Default": "ApplySellerMeasure"}
S["ApplySellerMeasure"] = invoke("ApplySellerMeasure", payload("measure"), "$.measure", "NotifyParties", market=True, parked_at="ApplySellerMeasure")
S["NotifyParties"] = invoke("NotifyParties", payload("notify", **{"decision.$": "$.decision"}), "$.notified", "AfterNotify", parked_at="NotifyParties")
S["AfterNotify"] = {"Type": "Choice", "Choices": [{"Variable": "$.notified.value.next", "StringEquals": "withdraw", "Next": "Withdraw"}], "Default": "AwaitCounterNotice"}
S["AwaitCounterNotice"] = await_input("counter_notice", "States.Format('counter_notice#{}', $.round.n)", "$.notified.value.counterNoticeSeconds", "RouteCounterNotice",
    [timeout("CloseUpheld"), park("AwaitCounterNotice")])
S["RouteCounterNotice"] = {"Type": "Choice", "Choices": [{"Variable": "$.input.type", "StringEquals": "withdraw", "Next": "Withdraw"}], "Default": "CounterNoticeReceived"}
S["CounterNoticeReceived"] = invoke("CounterNoticeReceived", payload("counter_notice_received"), "$.counter", "RouteByMode", parked_at="CounterNoticeReceived")
S["RouteByMode"] = {"Type": "Choice", "Choices": [
    {"Variable": "$.counter.value.next", "StringEquals": "withdraw", "Next": "Withdraw"},
    {"Variable": "$.counter.value.next", "StringEquals": "await_court_action", "Next": "AwaitCourtAction"},
    {"Variable": "$.counter.value.next", "StringEquals": "re_review", "Next": "AwaitReReview"}],
    "Default": "ParkAtCounterNoticeReceived"}
S["AwaitCourtAction"] = await_input("court_action", "States.Format('court_action#{}', $.round.n)", "$.counter.value.waitSeconds", "RouteCourtAction",
    [timeout("Restore"), park("AwaitCourtAction")])
S["RouteCourtAction"] = {"Type": "Choice", "Choices": [{"Variable": "$.input.type", "StringEquals": "withdraw", "Next": "Withdraw"}], "Default": "CloseUpheldPendingCourt"}
S["CloseUpheldPendingCourt"] = invoke("CloseCase", payload("close", outcome="upheld_pending_court"), "$.closed", "Closed", parked_at="CloseUpheldPendingCourt")
S["AwaitReReview"] = await_input("re_review", "States.Format('re_review#{}', $.escalations.n)", "$.counter.value.waitSeconds", "RouteReReview",
    [timeout("ReReviewOverdue"), park("AwaitReReview")], queue="re_review", result_path="$.reDecision")
S["ReReviewOverdue"] = invoke("RaiseOverdue", payload("overdue", **{"kind": "re_review", "stepKey.$": "States.Format('re_review_overdue#{}', $.escalations.n)"}), "$.overdue", "ReReviewRewait", parked_at="AwaitReReview")
S["ReReviewRewait"] = {"Type": "Pass", "Comment": "The re-review deadline has passed (it may have passed before the wait opened): wait again for the overdue interval RaiseOverdue returns, never for the spent deadline, so the overdue branch runs once per interval instead of looping.",
    "InputPath": "$.overdue.value.waitSeconds", "ResultPath": "$.counter.value.waitSeconds", "Next": "CountReReview"}
S["CountReReview"] = count("escalations", "AwaitReReview")
S["RouteReReview"] = {"Type": "Choice", "Choices": [
    {"Variable": "$.reDecision.type", "StringEquals": "withdraw", "Next": "Withdraw"},
    {"Variable": "$.reDecision.decision", "StringEquals": "restore", "Next": "Restore"},
    {"Variable": "$.reDecision.decision", "StringEquals": "uphold", "Next": "CloseUpheld"}],
    "Default": "ParkAtAwaitReReview"}
S["Restore"] = invoke("RestoreListing", payload("restore"), "$.restored", "Closed", market=True, parked_at="Restore")
S["CloseUpheld"] = invoke("CloseCase", payload("close", outcome="upheld"), "$.closed", "Closed", parked_at="CloseUpheld")
S["Withdraw"] = invoke("WithdrawCase", payload("withdraw"), "$.withdrawn", "Closed", market=True, parked_at="Withdraw")
S["Closed"] = {"Type": "Succeed"}

park_targets = ["Screen", "AwaitReview", "EscalateReview", "CloseRejected", "AwaitInfo", "CloseAbandoned", "TakeDown", "RecordStrike", "ApplySellerMeasure",
                "NotifyParties", "AwaitCounterNotice", "CounterNoticeReceived", "AwaitCourtAction", "CloseUpheldPendingCourt", "AwaitReReview", "Restore", "CloseUpheld", "Withdraw"]
for t in park_targets:
    S[f"ParkAt{t}"] = {"Type": "Pass", "Result": t, "ResultPath": "$.parkedAt", "Next": "CountPark"}
S["CountPark"] = count("parks", "Park")
S["Park"] = {"Type": "Task", "Comment": "A failed action waits (status action_failed) for an operator's retry or a withdrawal, then resumes where it failed. Never lost.",
    "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
    "Parameters": {"FunctionName": "${OpenPendingTaskFunctionArn}", "Payload": {"v": 1, "caseId.$": "$.caseId", "kind": "retry", "queue": "action_failed",
        "stepKey.$": "States.Format('park#{}', $.parks.n)", "parkedAt.$": "$.parkedAt", "failure.$": "$.failure", "taskToken.$": "$$.Task.Token", "timeoutSeconds": 604800}},
    "TimeoutSeconds": 604800,
    "ResultPath": "$.retry",
    "Retry": [LAMBDA_RETRY, TRANSIENT_RETRY],
    "Catch": [timeout("ParkOverdue"), {"ErrorEquals": ["States.ALL"], "ResultPath": "$.parkFailure", "Next": "ParkBroken"}],
    "Next": "Unpark"}
S["ParkOverdue"] = invoke("RaiseOverdue", payload("overdue", **{"kind": "retry", "stepKey.$": "States.Format('park_overdue#{}', $.parks.n)"}), "$.overdue", "CountPark")
S["ParkBroken"] = {"Type": "Fail", "Error": "CaseParkingFailed", "Cause": "The case could not be parked for operators; the failed-executions alarm fires and the reconciler does not restart it."}
S["Unpark"] = {"Type": "Choice", "Choices": [{"Variable": "$.retry.type", "StringEquals": "withdraw", "Next": "Withdraw"}] +
    [{"Variable": "$.parkedAt", "StringEquals": t, "Next": t} for t in park_targets], "Default": "ParkBroken"}

asl = {"Comment": "One execution per case (per listing): screen, human review through task tokens, take down, strike, notify, counter-notice window, restore or uphold, under the case's jurisdiction clock. JSONPath only. Generated layout; edit by hand with care.",
       "StartAt": "Init", "States": S}
print(json.dumps(asl, indent=2))
