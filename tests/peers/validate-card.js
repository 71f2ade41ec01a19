#!/usr/bin/env node
// Validates an Adaptive Card (or a Teams message envelope holding one) with Microsoft's adaptivecards
// library: parse events (unknown types/properties, bad values) and validateProperties() failures.
// Usage: node validate-card.js card.json   (or the JSON on stdin). Prints each problem; exit 1 if any.
'use strict';
const fs = require('fs');
const AC = require('adaptivecards/dist/adaptivecards.js');

const text = fs.readFileSync(process.argv[2] || 0, 'utf8');
let json = JSON.parse(text);
if (json.type === 'message') {
  const attachment = (json.attachments || [])[0];
  if (!attachment || attachment.contentType !== 'application/vnd.microsoft.card.adaptive') {
    console.log('error: the message has no Adaptive Card attachment');
    process.exit(1);
  }
  json = attachment.content;
}

const problems = [];
const context = new AC.SerializationContext();
const card = new AC.AdaptiveCard();
card.parse(json, context);
for (let i = 0; i < context.eventCount; i++) {
  const e = context.getEventAt(i);
  problems.push(`parse ${AC.ValidationEvent[e.event]}: ${e.message}`);
}
for (const e of card.validateProperties().validationEvents) {
  problems.push(`validate ${AC.ValidationEvent[e.event]}: ${e.message}`);
}
if (json.version !== '1.4') {
  problems.push(`version is ${json.version}, expected 1.4`);
}
for (const p of problems) console.log(p);
console.log(problems.length === 0 ? 'ok' : `${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
