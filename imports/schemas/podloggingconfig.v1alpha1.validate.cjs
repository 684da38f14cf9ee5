// Generated file, do not edit: the ajv validator of podloggingconfig.v1alpha1.json (ajv standalone code), written
// with the JSON schemas of this directory by the generator validators.ts names.
"use strict";
module.exports = validate10;
module.exports.default = validate10;
const schema11 = {"type":"object","required":["spec"],"properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"object"},"spec":{"type":"object","required":["clusterDestinationRefs"],"properties":{"keepDeletedFilesOpenedFor":{"type":"string","format":"duration","pattern":"^([0-9]+h([0-9]+m)?|[0-9]+m)$"},"labelSelector":{"type":"object","anyOf":[{"required":["matchLabels"]},{"required":["matchExpressions"]}],"properties":{"matchLabels":{"type":"object","additionalProperties":{"type":"string"}},"matchExpressions":{"type":"array","items":{"oneOf":[{"properties":{"operator":{"enum":["Exists","DoesNotExist"]}},"required":["key","operator"],"not":{"required":["values"]}},{"properties":{"operator":{"enum":["In","NotIn"]}},"required":["key","operator","values"]}],"type":"object","properties":{"key":{"type":"string"},"operator":{"type":"string","enum":["In","NotIn","Exists","DoesNotExist"]},"values":{"type":"array","items":{"type":"string","pattern":"[a-z0-9]([-a-z0-9]*[a-z0-9])?","minLength":1,"maxLength":63}}},"additionalProperties":false}}},"additionalProperties":false},"labelFilter":{"type":"array","items":{"type":"object","required":["field","operator"],"properties":{"field":{"type":"string","pattern":".+"},"operator":{"type":"string","enum":["In","NotIn","Regex","NotRegex","Exists","DoesNotExist"]},"values":{"type":"array","items":{"anyOf":[{"type":"integer"},{"type":"string"}]}}},"oneOf":[{"properties":{"operator":{"enum":["Exists","DoesNotExist"]},"values":{"maxItems":0}}},{"properties":{"operator":{"enum":["Regex","NotRegex","In","NotIn"]},"values":{"minItems":1}}}],"additionalProperties":false}},"logFilter":{"type":"array","items":{"type":"object","required":["field","operator"],"properties":{"field":{"type":"string"},"operator":{"type":"string","enum":["In","NotIn","Regex","NotRegex","Exists","DoesNotExist"]},"values":{"type":"array","items":{"anyOf":[{"type":"integer"},{"type":"string"}]}}},"oneOf":[{"properties":{"operator":{"enum":["Exists","DoesNotExist"]},"values":{"maxItems":0}}},{"properties":{"operator":{"enum":["Regex","NotRegex","In","NotIn"]},"values":{"minItems":1}}}],"additionalProperties":false}},"multilineParser":{"type":"object","required":["type"],"oneOf":[{"properties":{"type":{"enum":["None","General","Backslash","LogWithTime","MultilineJSON"]}},"required":["type"]},{"properties":{"custom":{},"type":{"enum":["Custom"]}},"required":["type","custom"]}],"properties":{"type":{"type":"string","enum":["None","General","Backslash","LogWithTime","MultilineJSON","Custom"],"default":"None"},"custom":{"type":"object","oneOf":[{"required":["startsWhen"]},{"required":["endsWhen"]}],"properties":{"startsWhen":{"type":"object","oneOf":[{"required":["regex"]},{"required":["notRegex"]}],"properties":{"notRegex":{"type":"string"},"regex":{"type":"string"}},"additionalProperties":false},"endsWhen":{"type":"object","oneOf":[{"required":["regex"]},{"required":["notRegex"]}],"properties":{"notRegex":{"type":"string"},"regex":{"type":"string"}},"additionalProperties":false}},"additionalProperties":false}},"additionalProperties":false},"clusterDestinationRefs":{"type":"array","minItems":1,"items":{"type":"string"}}},"additionalProperties":false}},"additionalProperties":false};
const pattern0 = new RegExp("^([0-9]+h([0-9]+m)?|[0-9]+m)$", "");
const pattern1 = new RegExp("[a-z0-9]([-a-z0-9]*[a-z0-9])?", "");
const pattern2 = new RegExp(".+", "");
const func2 = require("ajv/dist/runtime/ucs2length").default;

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.spec === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiVersion.type,parentSchema:schema11.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.kind.type,parentSchema:schema11.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
const err4 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.metadata.type,parentSchema:schema11.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.spec !== undefined){
let data3 = data.spec;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.clusterDestinationRefs === undefined){
const err5 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "clusterDestinationRefs"},message:"must have required property '"+"clusterDestinationRefs"+"'",schema:schema11.properties.spec.required,parentSchema:schema11.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
for(const key1 in data3){
if(!((((((key1 === "keepDeletedFilesOpenedFor") || (key1 === "labelSelector")) || (key1 === "labelFilter")) || (key1 === "logFilter")) || (key1 === "multilineParser")) || (key1 === "clusterDestinationRefs"))){
const err6 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data3.keepDeletedFilesOpenedFor !== undefined){
let data4 = data3.keepDeletedFilesOpenedFor;
if(typeof data4 === "string"){
if(!pattern0.test(data4)){
const err7 = {instancePath:instancePath+"/spec/keepDeletedFilesOpenedFor",schemaPath:"#/properties/spec/properties/keepDeletedFilesOpenedFor/pattern",keyword:"pattern",params:{pattern: "^([0-9]+h([0-9]+m)?|[0-9]+m)$"},message:"must match pattern \""+"^([0-9]+h([0-9]+m)?|[0-9]+m)$"+"\"",schema:"^([0-9]+h([0-9]+m)?|[0-9]+m)$",parentSchema:schema11.properties.spec.properties.keepDeletedFilesOpenedFor,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/spec/keepDeletedFilesOpenedFor",schemaPath:"#/properties/spec/properties/keepDeletedFilesOpenedFor/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.keepDeletedFilesOpenedFor.type,parentSchema:schema11.properties.spec.properties.keepDeletedFilesOpenedFor,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data3.labelSelector !== undefined){
let data5 = data3.labelSelector;
const _errs15 = errors;
let valid2 = false;
const _errs16 = errors;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.matchLabels === undefined){
const err9 = {instancePath:instancePath+"/spec/labelSelector",schemaPath:"#/properties/spec/properties/labelSelector/anyOf/0/required",keyword:"required",params:{missingProperty: "matchLabels"},message:"must have required property '"+"matchLabels"+"'",schema:schema11.properties.spec.properties.labelSelector.anyOf[0].required,parentSchema:schema11.properties.spec.properties.labelSelector.anyOf[0],data:data5};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
var _valid0 = _errs16 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const _errs17 = errors;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.matchExpressions === undefined){
const err10 = {instancePath:instancePath+"/spec/labelSelector",schemaPath:"#/properties/spec/properties/labelSelector/anyOf/1/required",keyword:"required",params:{missingProperty: "matchExpressions"},message:"must have required property '"+"matchExpressions"+"'",schema:schema11.properties.spec.properties.labelSelector.anyOf[1].required,parentSchema:schema11.properties.spec.properties.labelSelector.anyOf[1],data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var _valid0 = _errs17 === errors;
valid2 = valid2 || _valid0;
}
if(!valid2){
const err11 = {instancePath:instancePath+"/spec/labelSelector",schemaPath:"#/properties/spec/properties/labelSelector/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.spec.properties.labelSelector.anyOf,parentSchema:schema11.properties.spec.properties.labelSelector,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key2 in data5){
if(!((key2 === "matchLabels") || (key2 === "matchExpressions"))){
const err12 = {instancePath:instancePath+"/spec/labelSelector",schemaPath:"#/properties/spec/properties/labelSelector/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.labelSelector,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data5.matchLabels !== undefined){
let data6 = data5.matchLabels;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key3 in data6){
let data7 = data6[key3];
if(typeof data7 !== "string"){
const err13 = {instancePath:instancePath+"/spec/labelSelector/matchLabels/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/labelSelector/properties/matchLabels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.labelSelector.properties.matchLabels.additionalProperties.type,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchLabels.additionalProperties,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/spec/labelSelector/matchLabels",schemaPath:"#/properties/spec/properties/labelSelector/properties/matchLabels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.labelSelector.properties.matchLabels.type,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchLabels,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data5.matchExpressions !== undefined){
let data8 = data5.matchExpressions;
if(Array.isArray(data8)){
const len0 = data8.length;
for(let i0=0; i0<len0; i0++){
let data9 = data8[i0];
const _errs28 = errors;
let valid7 = false;
let passing0 = null;
const _errs29 = errors;
const _errs30 = errors;
const _errs31 = errors;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
let missing0;
if((data9.values === undefined) && (missing0 = "values")){
const err15 = {};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
var valid8 = _errs31 === errors;
if(valid8){
const err16 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0,schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/oneOf/0/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf[0].not,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf[0],data:data9};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
else {
errors = _errs30;
if(vErrors !== null){
if(_errs30){
vErrors.length = _errs30;
}
else {
vErrors = null;
}
}
}
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.key === undefined){
const err17 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0,schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/oneOf/0/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf[0].required,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf[0],data:data9};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data9.operator === undefined){
const err18 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0,schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/oneOf/0/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'",schema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf[0].required,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf[0],data:data9};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data9.operator !== undefined){
let data10 = data9.operator;
if(!((data10 === "Exists") || (data10 === "DoesNotExist"))){
const err19 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0+"/operator",schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/oneOf/0/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf[0].properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf[0].properties.operator.enum,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf[0].properties.operator,data:data10};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
var _valid1 = _errs29 === errors;
if(_valid1){
valid7 = true;
passing0 = 0;
}
const _errs33 = errors;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.key === undefined){
const err20 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0,schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/oneOf/1/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf[1].required,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf[1],data:data9};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data9.operator === undefined){
const err21 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0,schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/oneOf/1/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'",schema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf[1].required,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf[1],data:data9};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data9.values === undefined){
const err22 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0,schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/oneOf/1/required",keyword:"required",params:{missingProperty: "values"},message:"must have required property '"+"values"+"'",schema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf[1].required,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf[1],data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data9.operator !== undefined){
let data11 = data9.operator;
if(!((data11 === "In") || (data11 === "NotIn"))){
const err23 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0+"/operator",schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/oneOf/1/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf[1].properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf[1].properties.operator.enum,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf[1].properties.operator,data:data11};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
var _valid1 = _errs33 === errors;
if(_valid1 && valid7){
valid7 = false;
passing0 = [passing0, 1];
}
else {
if(_valid1){
valid7 = true;
passing0 = 1;
}
}
if(!valid7){
const err24 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0,schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.oneOf,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items,data:data9};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
else {
errors = _errs28;
if(vErrors !== null){
if(_errs28){
vErrors.length = _errs28;
}
else {
vErrors = null;
}
}
}
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key4 in data9){
if(!(((key4 === "key") || (key4 === "operator")) || (key4 === "values"))){
const err25 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0,schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data9.key !== undefined){
let data12 = data9.key;
if(typeof data12 !== "string"){
const err26 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0+"/key",schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.properties.key.type,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.properties.key,data:data12};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data9.operator !== undefined){
let data13 = data9.operator;
if(typeof data13 !== "string"){
const err27 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0+"/operator",schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.properties.operator.type,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.properties.operator,data:data13};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(!((((data13 === "In") || (data13 === "NotIn")) || (data13 === "Exists")) || (data13 === "DoesNotExist"))){
const err28 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0+"/operator",schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.properties.operator.enum,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.properties.operator,data:data13};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data9.values !== undefined){
let data14 = data9.values;
if(Array.isArray(data14)){
const len1 = data14.length;
for(let i1=0; i1<len1; i1++){
let data15 = data14[i1];
if(typeof data15 === "string"){
if(func2(data15) > 63){
const err29 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0+"/values/" + i1,schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/properties/values/items/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.properties.values.items,data:data15};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(func2(data15) < 1){
const err30 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0+"/values/" + i1,schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/properties/values/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.properties.values.items,data:data15};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(!pattern1.test(data15)){
const err31 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0+"/values/" + i1,schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/properties/values/items/pattern",keyword:"pattern",params:{pattern: "[a-z0-9]([-a-z0-9]*[a-z0-9])?"},message:"must match pattern \""+"[a-z0-9]([-a-z0-9]*[a-z0-9])?"+"\"",schema:"[a-z0-9]([-a-z0-9]*[a-z0-9])?",parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.properties.values.items,data:data15};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0+"/values/" + i1,schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/properties/values/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.properties.values.items.type,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.properties.values.items,data:data15};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0+"/values",schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.properties.values.type,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.properties.values,data:data14};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions/" + i0,schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items.type,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.items,data:data9};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath:instancePath+"/spec/labelSelector/matchExpressions",schemaPath:"#/properties/spec/properties/labelSelector/properties/matchExpressions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions.type,parentSchema:schema11.properties.spec.properties.labelSelector.properties.matchExpressions,data:data8};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
else {
const err36 = {instancePath:instancePath+"/spec/labelSelector",schemaPath:"#/properties/spec/properties/labelSelector/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.labelSelector.type,parentSchema:schema11.properties.spec.properties.labelSelector,data:data5};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data3.labelFilter !== undefined){
let data16 = data3.labelFilter;
if(Array.isArray(data16)){
const len2 = data16.length;
for(let i2=0; i2<len2; i2++){
let data17 = data16[i2];
const _errs48 = errors;
let valid16 = false;
let passing1 = null;
const _errs49 = errors;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.operator !== undefined){
let data18 = data17.operator;
if(!((data18 === "Exists") || (data18 === "DoesNotExist"))){
const err37 = {instancePath:instancePath+"/spec/labelFilter/" + i2+"/operator",schemaPath:"#/properties/spec/properties/labelFilter/items/oneOf/0/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.labelFilter.items.oneOf[0].properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.labelFilter.items.oneOf[0].properties.operator.enum,parentSchema:schema11.properties.spec.properties.labelFilter.items.oneOf[0].properties.operator,data:data18};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data17.values !== undefined){
let data19 = data17.values;
if(Array.isArray(data19)){
if(data19.length > 0){
const err38 = {instancePath:instancePath+"/spec/labelFilter/" + i2+"/values",schemaPath:"#/properties/spec/properties/labelFilter/items/oneOf/0/properties/values/maxItems",keyword:"maxItems",params:{limit: 0},message:"must NOT have more than 0 items",schema:0,parentSchema:schema11.properties.spec.properties.labelFilter.items.oneOf[0].properties.values,data:data19};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
}
var _valid2 = _errs49 === errors;
if(_valid2){
valid16 = true;
passing1 = 0;
}
const _errs52 = errors;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.operator !== undefined){
let data20 = data17.operator;
if(!((((data20 === "Regex") || (data20 === "NotRegex")) || (data20 === "In")) || (data20 === "NotIn"))){
const err39 = {instancePath:instancePath+"/spec/labelFilter/" + i2+"/operator",schemaPath:"#/properties/spec/properties/labelFilter/items/oneOf/1/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.labelFilter.items.oneOf[1].properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.labelFilter.items.oneOf[1].properties.operator.enum,parentSchema:schema11.properties.spec.properties.labelFilter.items.oneOf[1].properties.operator,data:data20};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data17.values !== undefined){
let data21 = data17.values;
if(Array.isArray(data21)){
if(data21.length < 1){
const err40 = {instancePath:instancePath+"/spec/labelFilter/" + i2+"/values",schemaPath:"#/properties/spec/properties/labelFilter/items/oneOf/1/properties/values/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.spec.properties.labelFilter.items.oneOf[1].properties.values,data:data21};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
}
var _valid2 = _errs52 === errors;
if(_valid2 && valid16){
valid16 = false;
passing1 = [passing1, 1];
}
else {
if(_valid2){
valid16 = true;
passing1 = 1;
}
}
if(!valid16){
const err41 = {instancePath:instancePath+"/spec/labelFilter/" + i2,schemaPath:"#/properties/spec/properties/labelFilter/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.labelFilter.items.oneOf,parentSchema:schema11.properties.spec.properties.labelFilter.items,data:data17};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
else {
errors = _errs48;
if(vErrors !== null){
if(_errs48){
vErrors.length = _errs48;
}
else {
vErrors = null;
}
}
}
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.field === undefined){
const err42 = {instancePath:instancePath+"/spec/labelFilter/" + i2,schemaPath:"#/properties/spec/properties/labelFilter/items/required",keyword:"required",params:{missingProperty: "field"},message:"must have required property '"+"field"+"'",schema:schema11.properties.spec.properties.labelFilter.items.required,parentSchema:schema11.properties.spec.properties.labelFilter.items,data:data17};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if(data17.operator === undefined){
const err43 = {instancePath:instancePath+"/spec/labelFilter/" + i2,schemaPath:"#/properties/spec/properties/labelFilter/items/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'",schema:schema11.properties.spec.properties.labelFilter.items.required,parentSchema:schema11.properties.spec.properties.labelFilter.items,data:data17};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
for(const key5 in data17){
if(!(((key5 === "field") || (key5 === "operator")) || (key5 === "values"))){
const err44 = {instancePath:instancePath+"/spec/labelFilter/" + i2,schemaPath:"#/properties/spec/properties/labelFilter/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.labelFilter.items,data:data17};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data17.field !== undefined){
let data22 = data17.field;
if(typeof data22 === "string"){
if(!pattern2.test(data22)){
const err45 = {instancePath:instancePath+"/spec/labelFilter/" + i2+"/field",schemaPath:"#/properties/spec/properties/labelFilter/items/properties/field/pattern",keyword:"pattern",params:{pattern: ".+"},message:"must match pattern \""+".+"+"\"",schema:".+",parentSchema:schema11.properties.spec.properties.labelFilter.items.properties.field,data:data22};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
else {
const err46 = {instancePath:instancePath+"/spec/labelFilter/" + i2+"/field",schemaPath:"#/properties/spec/properties/labelFilter/items/properties/field/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.labelFilter.items.properties.field.type,parentSchema:schema11.properties.spec.properties.labelFilter.items.properties.field,data:data22};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data17.operator !== undefined){
let data23 = data17.operator;
if(typeof data23 !== "string"){
const err47 = {instancePath:instancePath+"/spec/labelFilter/" + i2+"/operator",schemaPath:"#/properties/spec/properties/labelFilter/items/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.labelFilter.items.properties.operator.type,parentSchema:schema11.properties.spec.properties.labelFilter.items.properties.operator,data:data23};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
if(!((((((data23 === "In") || (data23 === "NotIn")) || (data23 === "Regex")) || (data23 === "NotRegex")) || (data23 === "Exists")) || (data23 === "DoesNotExist"))){
const err48 = {instancePath:instancePath+"/spec/labelFilter/" + i2+"/operator",schemaPath:"#/properties/spec/properties/labelFilter/items/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.labelFilter.items.properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.labelFilter.items.properties.operator.enum,parentSchema:schema11.properties.spec.properties.labelFilter.items.properties.operator,data:data23};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data17.values !== undefined){
let data24 = data17.values;
if(Array.isArray(data24)){
const len3 = data24.length;
for(let i3=0; i3<len3; i3++){
let data25 = data24[i3];
const _errs63 = errors;
let valid22 = false;
const _errs64 = errors;
if(!((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25)))){
const err49 = {instancePath:instancePath+"/spec/labelFilter/" + i2+"/values/" + i3,schemaPath:"#/properties/spec/properties/labelFilter/items/properties/values/items/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.spec.properties.labelFilter.items.properties.values.items.anyOf[0].type,parentSchema:schema11.properties.spec.properties.labelFilter.items.properties.values.items.anyOf[0],data:data25};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
var _valid3 = _errs64 === errors;
valid22 = valid22 || _valid3;
if(!valid22){
const _errs66 = errors;
if(typeof data25 !== "string"){
const err50 = {instancePath:instancePath+"/spec/labelFilter/" + i2+"/values/" + i3,schemaPath:"#/properties/spec/properties/labelFilter/items/properties/values/items/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.labelFilter.items.properties.values.items.anyOf[1].type,parentSchema:schema11.properties.spec.properties.labelFilter.items.properties.values.items.anyOf[1],data:data25};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
var _valid3 = _errs66 === errors;
valid22 = valid22 || _valid3;
}
if(!valid22){
const err51 = {instancePath:instancePath+"/spec/labelFilter/" + i2+"/values/" + i3,schemaPath:"#/properties/spec/properties/labelFilter/items/properties/values/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.spec.properties.labelFilter.items.properties.values.items.anyOf,parentSchema:schema11.properties.spec.properties.labelFilter.items.properties.values.items,data:data25};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
else {
errors = _errs63;
if(vErrors !== null){
if(_errs63){
vErrors.length = _errs63;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err52 = {instancePath:instancePath+"/spec/labelFilter/" + i2+"/values",schemaPath:"#/properties/spec/properties/labelFilter/items/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.labelFilter.items.properties.values.type,parentSchema:schema11.properties.spec.properties.labelFilter.items.properties.values,data:data24};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
else {
const err53 = {instancePath:instancePath+"/spec/labelFilter/" + i2,schemaPath:"#/properties/spec/properties/labelFilter/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.labelFilter.items.type,parentSchema:schema11.properties.spec.properties.labelFilter.items,data:data17};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
else {
const err54 = {instancePath:instancePath+"/spec/labelFilter",schemaPath:"#/properties/spec/properties/labelFilter/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.labelFilter.type,parentSchema:schema11.properties.spec.properties.labelFilter,data:data16};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data3.logFilter !== undefined){
let data26 = data3.logFilter;
if(Array.isArray(data26)){
const len4 = data26.length;
for(let i4=0; i4<len4; i4++){
let data27 = data26[i4];
const _errs72 = errors;
let valid25 = false;
let passing2 = null;
const _errs73 = errors;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
if(data27.operator !== undefined){
let data28 = data27.operator;
if(!((data28 === "Exists") || (data28 === "DoesNotExist"))){
const err55 = {instancePath:instancePath+"/spec/logFilter/" + i4+"/operator",schemaPath:"#/properties/spec/properties/logFilter/items/oneOf/0/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.logFilter.items.oneOf[0].properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.logFilter.items.oneOf[0].properties.operator.enum,parentSchema:schema11.properties.spec.properties.logFilter.items.oneOf[0].properties.operator,data:data28};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data27.values !== undefined){
let data29 = data27.values;
if(Array.isArray(data29)){
if(data29.length > 0){
const err56 = {instancePath:instancePath+"/spec/logFilter/" + i4+"/values",schemaPath:"#/properties/spec/properties/logFilter/items/oneOf/0/properties/values/maxItems",keyword:"maxItems",params:{limit: 0},message:"must NOT have more than 0 items",schema:0,parentSchema:schema11.properties.spec.properties.logFilter.items.oneOf[0].properties.values,data:data29};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
}
var _valid4 = _errs73 === errors;
if(_valid4){
valid25 = true;
passing2 = 0;
}
const _errs76 = errors;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
if(data27.operator !== undefined){
let data30 = data27.operator;
if(!((((data30 === "Regex") || (data30 === "NotRegex")) || (data30 === "In")) || (data30 === "NotIn"))){
const err57 = {instancePath:instancePath+"/spec/logFilter/" + i4+"/operator",schemaPath:"#/properties/spec/properties/logFilter/items/oneOf/1/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.logFilter.items.oneOf[1].properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.logFilter.items.oneOf[1].properties.operator.enum,parentSchema:schema11.properties.spec.properties.logFilter.items.oneOf[1].properties.operator,data:data30};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data27.values !== undefined){
let data31 = data27.values;
if(Array.isArray(data31)){
if(data31.length < 1){
const err58 = {instancePath:instancePath+"/spec/logFilter/" + i4+"/values",schemaPath:"#/properties/spec/properties/logFilter/items/oneOf/1/properties/values/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.spec.properties.logFilter.items.oneOf[1].properties.values,data:data31};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
}
}
var _valid4 = _errs76 === errors;
if(_valid4 && valid25){
valid25 = false;
passing2 = [passing2, 1];
}
else {
if(_valid4){
valid25 = true;
passing2 = 1;
}
}
if(!valid25){
const err59 = {instancePath:instancePath+"/spec/logFilter/" + i4,schemaPath:"#/properties/spec/properties/logFilter/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.logFilter.items.oneOf,parentSchema:schema11.properties.spec.properties.logFilter.items,data:data27};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
else {
errors = _errs72;
if(vErrors !== null){
if(_errs72){
vErrors.length = _errs72;
}
else {
vErrors = null;
}
}
}
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
if(data27.field === undefined){
const err60 = {instancePath:instancePath+"/spec/logFilter/" + i4,schemaPath:"#/properties/spec/properties/logFilter/items/required",keyword:"required",params:{missingProperty: "field"},message:"must have required property '"+"field"+"'",schema:schema11.properties.spec.properties.logFilter.items.required,parentSchema:schema11.properties.spec.properties.logFilter.items,data:data27};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if(data27.operator === undefined){
const err61 = {instancePath:instancePath+"/spec/logFilter/" + i4,schemaPath:"#/properties/spec/properties/logFilter/items/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'",schema:schema11.properties.spec.properties.logFilter.items.required,parentSchema:schema11.properties.spec.properties.logFilter.items,data:data27};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
for(const key6 in data27){
if(!(((key6 === "field") || (key6 === "operator")) || (key6 === "values"))){
const err62 = {instancePath:instancePath+"/spec/logFilter/" + i4,schemaPath:"#/properties/spec/properties/logFilter/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.logFilter.items,data:data27};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data27.field !== undefined){
let data32 = data27.field;
if(typeof data32 !== "string"){
const err63 = {instancePath:instancePath+"/spec/logFilter/" + i4+"/field",schemaPath:"#/properties/spec/properties/logFilter/items/properties/field/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.logFilter.items.properties.field.type,parentSchema:schema11.properties.spec.properties.logFilter.items.properties.field,data:data32};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data27.operator !== undefined){
let data33 = data27.operator;
if(typeof data33 !== "string"){
const err64 = {instancePath:instancePath+"/spec/logFilter/" + i4+"/operator",schemaPath:"#/properties/spec/properties/logFilter/items/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.logFilter.items.properties.operator.type,parentSchema:schema11.properties.spec.properties.logFilter.items.properties.operator,data:data33};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
if(!((((((data33 === "In") || (data33 === "NotIn")) || (data33 === "Regex")) || (data33 === "NotRegex")) || (data33 === "Exists")) || (data33 === "DoesNotExist"))){
const err65 = {instancePath:instancePath+"/spec/logFilter/" + i4+"/operator",schemaPath:"#/properties/spec/properties/logFilter/items/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.logFilter.items.properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.logFilter.items.properties.operator.enum,parentSchema:schema11.properties.spec.properties.logFilter.items.properties.operator,data:data33};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data27.values !== undefined){
let data34 = data27.values;
if(Array.isArray(data34)){
const len5 = data34.length;
for(let i5=0; i5<len5; i5++){
let data35 = data34[i5];
const _errs87 = errors;
let valid31 = false;
const _errs88 = errors;
if(!((typeof data35 == "number") && (!(data35 % 1) && !isNaN(data35)))){
const err66 = {instancePath:instancePath+"/spec/logFilter/" + i4+"/values/" + i5,schemaPath:"#/properties/spec/properties/logFilter/items/properties/values/items/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.spec.properties.logFilter.items.properties.values.items.anyOf[0].type,parentSchema:schema11.properties.spec.properties.logFilter.items.properties.values.items.anyOf[0],data:data35};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
var _valid5 = _errs88 === errors;
valid31 = valid31 || _valid5;
if(!valid31){
const _errs90 = errors;
if(typeof data35 !== "string"){
const err67 = {instancePath:instancePath+"/spec/logFilter/" + i4+"/values/" + i5,schemaPath:"#/properties/spec/properties/logFilter/items/properties/values/items/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.logFilter.items.properties.values.items.anyOf[1].type,parentSchema:schema11.properties.spec.properties.logFilter.items.properties.values.items.anyOf[1],data:data35};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
var _valid5 = _errs90 === errors;
valid31 = valid31 || _valid5;
}
if(!valid31){
const err68 = {instancePath:instancePath+"/spec/logFilter/" + i4+"/values/" + i5,schemaPath:"#/properties/spec/properties/logFilter/items/properties/values/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.spec.properties.logFilter.items.properties.values.items.anyOf,parentSchema:schema11.properties.spec.properties.logFilter.items.properties.values.items,data:data35};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
else {
errors = _errs87;
if(vErrors !== null){
if(_errs87){
vErrors.length = _errs87;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err69 = {instancePath:instancePath+"/spec/logFilter/" + i4+"/values",schemaPath:"#/properties/spec/properties/logFilter/items/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.logFilter.items.properties.values.type,parentSchema:schema11.properties.spec.properties.logFilter.items.properties.values,data:data34};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
}
else {
const err70 = {instancePath:instancePath+"/spec/logFilter/" + i4,schemaPath:"#/properties/spec/properties/logFilter/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.logFilter.items.type,parentSchema:schema11.properties.spec.properties.logFilter.items,data:data27};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
}
else {
const err71 = {instancePath:instancePath+"/spec/logFilter",schemaPath:"#/properties/spec/properties/logFilter/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.logFilter.type,parentSchema:schema11.properties.spec.properties.logFilter,data:data26};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
if(data3.multilineParser !== undefined){
let data36 = data3.multilineParser;
const _errs94 = errors;
let valid32 = false;
let passing3 = null;
const _errs95 = errors;
if(data36 && typeof data36 == "object" && !Array.isArray(data36)){
if(data36.type === undefined){
const err72 = {instancePath:instancePath+"/spec/multilineParser",schemaPath:"#/properties/spec/properties/multilineParser/oneOf/0/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.spec.properties.multilineParser.oneOf[0].required,parentSchema:schema11.properties.spec.properties.multilineParser.oneOf[0],data:data36};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
if(data36.type !== undefined){
let data37 = data36.type;
if(!(((((data37 === "None") || (data37 === "General")) || (data37 === "Backslash")) || (data37 === "LogWithTime")) || (data37 === "MultilineJSON"))){
const err73 = {instancePath:instancePath+"/spec/multilineParser/type",schemaPath:"#/properties/spec/properties/multilineParser/oneOf/0/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.multilineParser.oneOf[0].properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.multilineParser.oneOf[0].properties.type.enum,parentSchema:schema11.properties.spec.properties.multilineParser.oneOf[0].properties.type,data:data37};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
}
var _valid6 = _errs95 === errors;
if(_valid6){
valid32 = true;
passing3 = 0;
}
const _errs97 = errors;
if(data36 && typeof data36 == "object" && !Array.isArray(data36)){
if(data36.type === undefined){
const err74 = {instancePath:instancePath+"/spec/multilineParser",schemaPath:"#/properties/spec/properties/multilineParser/oneOf/1/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.spec.properties.multilineParser.oneOf[1].required,parentSchema:schema11.properties.spec.properties.multilineParser.oneOf[1],data:data36};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
if(data36.custom === undefined){
const err75 = {instancePath:instancePath+"/spec/multilineParser",schemaPath:"#/properties/spec/properties/multilineParser/oneOf/1/required",keyword:"required",params:{missingProperty: "custom"},message:"must have required property '"+"custom"+"'",schema:schema11.properties.spec.properties.multilineParser.oneOf[1].required,parentSchema:schema11.properties.spec.properties.multilineParser.oneOf[1],data:data36};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
if(data36.type !== undefined){
let data38 = data36.type;
if(!(data38 === "Custom")){
const err76 = {instancePath:instancePath+"/spec/multilineParser/type",schemaPath:"#/properties/spec/properties/multilineParser/oneOf/1/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.multilineParser.oneOf[1].properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.multilineParser.oneOf[1].properties.type.enum,parentSchema:schema11.properties.spec.properties.multilineParser.oneOf[1].properties.type,data:data38};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
}
var _valid6 = _errs97 === errors;
if(_valid6 && valid32){
valid32 = false;
passing3 = [passing3, 1];
}
else {
if(_valid6){
valid32 = true;
passing3 = 1;
}
}
if(!valid32){
const err77 = {instancePath:instancePath+"/spec/multilineParser",schemaPath:"#/properties/spec/properties/multilineParser/oneOf",keyword:"oneOf",params:{passingSchemas: passing3},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.multilineParser.oneOf,parentSchema:schema11.properties.spec.properties.multilineParser,data:data36};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
else {
errors = _errs94;
if(vErrors !== null){
if(_errs94){
vErrors.length = _errs94;
}
else {
vErrors = null;
}
}
}
if(data36 && typeof data36 == "object" && !Array.isArray(data36)){
if(data36.type === undefined){
const err78 = {instancePath:instancePath+"/spec/multilineParser",schemaPath:"#/properties/spec/properties/multilineParser/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.spec.properties.multilineParser.required,parentSchema:schema11.properties.spec.properties.multilineParser,data:data36};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
for(const key7 in data36){
if(!((key7 === "type") || (key7 === "custom"))){
const err79 = {instancePath:instancePath+"/spec/multilineParser",schemaPath:"#/properties/spec/properties/multilineParser/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.multilineParser,data:data36};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data36.type !== undefined){
let data39 = data36.type;
if(typeof data39 !== "string"){
const err80 = {instancePath:instancePath+"/spec/multilineParser/type",schemaPath:"#/properties/spec/properties/multilineParser/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.multilineParser.properties.type.type,parentSchema:schema11.properties.spec.properties.multilineParser.properties.type,data:data39};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
if(!((((((data39 === "None") || (data39 === "General")) || (data39 === "Backslash")) || (data39 === "LogWithTime")) || (data39 === "MultilineJSON")) || (data39 === "Custom"))){
const err81 = {instancePath:instancePath+"/spec/multilineParser/type",schemaPath:"#/properties/spec/properties/multilineParser/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.multilineParser.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.multilineParser.properties.type.enum,parentSchema:schema11.properties.spec.properties.multilineParser.properties.type,data:data39};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
if(data36.custom !== undefined){
let data40 = data36.custom;
const _errs104 = errors;
let valid36 = false;
let passing4 = null;
const _errs105 = errors;
if(data40 && typeof data40 == "object" && !Array.isArray(data40)){
if(data40.startsWhen === undefined){
const err82 = {instancePath:instancePath+"/spec/multilineParser/custom",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/oneOf/0/required",keyword:"required",params:{missingProperty: "startsWhen"},message:"must have required property '"+"startsWhen"+"'",schema:schema11.properties.spec.properties.multilineParser.properties.custom.oneOf[0].required,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.oneOf[0],data:data40};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
var _valid7 = _errs105 === errors;
if(_valid7){
valid36 = true;
passing4 = 0;
}
const _errs106 = errors;
if(data40 && typeof data40 == "object" && !Array.isArray(data40)){
if(data40.endsWhen === undefined){
const err83 = {instancePath:instancePath+"/spec/multilineParser/custom",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/oneOf/1/required",keyword:"required",params:{missingProperty: "endsWhen"},message:"must have required property '"+"endsWhen"+"'",schema:schema11.properties.spec.properties.multilineParser.properties.custom.oneOf[1].required,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.oneOf[1],data:data40};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
var _valid7 = _errs106 === errors;
if(_valid7 && valid36){
valid36 = false;
passing4 = [passing4, 1];
}
else {
if(_valid7){
valid36 = true;
passing4 = 1;
}
}
if(!valid36){
const err84 = {instancePath:instancePath+"/spec/multilineParser/custom",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/oneOf",keyword:"oneOf",params:{passingSchemas: passing4},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.multilineParser.properties.custom.oneOf,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom,data:data40};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
else {
errors = _errs104;
if(vErrors !== null){
if(_errs104){
vErrors.length = _errs104;
}
else {
vErrors = null;
}
}
}
if(data40 && typeof data40 == "object" && !Array.isArray(data40)){
for(const key8 in data40){
if(!((key8 === "startsWhen") || (key8 === "endsWhen"))){
const err85 = {instancePath:instancePath+"/spec/multilineParser/custom",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom,data:data40};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
if(data40.startsWhen !== undefined){
let data41 = data40.startsWhen;
const _errs110 = errors;
let valid38 = false;
let passing5 = null;
const _errs111 = errors;
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.regex === undefined){
const err86 = {instancePath:instancePath+"/spec/multilineParser/custom/startsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/startsWhen/oneOf/0/required",keyword:"required",params:{missingProperty: "regex"},message:"must have required property '"+"regex"+"'",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.oneOf[0].required,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.oneOf[0],data:data41};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
var _valid8 = _errs111 === errors;
if(_valid8){
valid38 = true;
passing5 = 0;
}
const _errs112 = errors;
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.notRegex === undefined){
const err87 = {instancePath:instancePath+"/spec/multilineParser/custom/startsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/startsWhen/oneOf/1/required",keyword:"required",params:{missingProperty: "notRegex"},message:"must have required property '"+"notRegex"+"'",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.oneOf[1].required,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.oneOf[1],data:data41};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
var _valid8 = _errs112 === errors;
if(_valid8 && valid38){
valid38 = false;
passing5 = [passing5, 1];
}
else {
if(_valid8){
valid38 = true;
passing5 = 1;
}
}
if(!valid38){
const err88 = {instancePath:instancePath+"/spec/multilineParser/custom/startsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/startsWhen/oneOf",keyword:"oneOf",params:{passingSchemas: passing5},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.oneOf,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen,data:data41};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
else {
errors = _errs110;
if(vErrors !== null){
if(_errs110){
vErrors.length = _errs110;
}
else {
vErrors = null;
}
}
}
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
for(const key9 in data41){
if(!((key9 === "notRegex") || (key9 === "regex"))){
const err89 = {instancePath:instancePath+"/spec/multilineParser/custom/startsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/startsWhen/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen,data:data41};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data41.notRegex !== undefined){
let data42 = data41.notRegex;
if(typeof data42 !== "string"){
const err90 = {instancePath:instancePath+"/spec/multilineParser/custom/startsWhen/notRegex",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/startsWhen/properties/notRegex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.properties.notRegex.type,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.properties.notRegex,data:data42};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
if(data41.regex !== undefined){
let data43 = data41.regex;
if(typeof data43 !== "string"){
const err91 = {instancePath:instancePath+"/spec/multilineParser/custom/startsWhen/regex",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/startsWhen/properties/regex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.properties.regex.type,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.properties.regex,data:data43};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
}
else {
const err92 = {instancePath:instancePath+"/spec/multilineParser/custom/startsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/startsWhen/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.type,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen,data:data41};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
if(data40.endsWhen !== undefined){
let data44 = data40.endsWhen;
const _errs120 = errors;
let valid40 = false;
let passing6 = null;
const _errs121 = errors;
if(data44 && typeof data44 == "object" && !Array.isArray(data44)){
if(data44.regex === undefined){
const err93 = {instancePath:instancePath+"/spec/multilineParser/custom/endsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/endsWhen/oneOf/0/required",keyword:"required",params:{missingProperty: "regex"},message:"must have required property '"+"regex"+"'",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.oneOf[0].required,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.oneOf[0],data:data44};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
var _valid9 = _errs121 === errors;
if(_valid9){
valid40 = true;
passing6 = 0;
}
const _errs122 = errors;
if(data44 && typeof data44 == "object" && !Array.isArray(data44)){
if(data44.notRegex === undefined){
const err94 = {instancePath:instancePath+"/spec/multilineParser/custom/endsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/endsWhen/oneOf/1/required",keyword:"required",params:{missingProperty: "notRegex"},message:"must have required property '"+"notRegex"+"'",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.oneOf[1].required,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.oneOf[1],data:data44};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
var _valid9 = _errs122 === errors;
if(_valid9 && valid40){
valid40 = false;
passing6 = [passing6, 1];
}
else {
if(_valid9){
valid40 = true;
passing6 = 1;
}
}
if(!valid40){
const err95 = {instancePath:instancePath+"/spec/multilineParser/custom/endsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/endsWhen/oneOf",keyword:"oneOf",params:{passingSchemas: passing6},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.oneOf,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen,data:data44};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
else {
errors = _errs120;
if(vErrors !== null){
if(_errs120){
vErrors.length = _errs120;
}
else {
vErrors = null;
}
}
}
if(data44 && typeof data44 == "object" && !Array.isArray(data44)){
for(const key10 in data44){
if(!((key10 === "notRegex") || (key10 === "regex"))){
const err96 = {instancePath:instancePath+"/spec/multilineParser/custom/endsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/endsWhen/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen,data:data44};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
if(data44.notRegex !== undefined){
let data45 = data44.notRegex;
if(typeof data45 !== "string"){
const err97 = {instancePath:instancePath+"/spec/multilineParser/custom/endsWhen/notRegex",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/endsWhen/properties/notRegex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.properties.notRegex.type,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.properties.notRegex,data:data45};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
if(data44.regex !== undefined){
let data46 = data44.regex;
if(typeof data46 !== "string"){
const err98 = {instancePath:instancePath+"/spec/multilineParser/custom/endsWhen/regex",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/endsWhen/properties/regex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.properties.regex.type,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.properties.regex,data:data46};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
}
else {
const err99 = {instancePath:instancePath+"/spec/multilineParser/custom/endsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/endsWhen/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.type,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen,data:data44};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
}
else {
const err100 = {instancePath:instancePath+"/spec/multilineParser/custom",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.multilineParser.properties.custom.type,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom,data:data40};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
}
else {
const err101 = {instancePath:instancePath+"/spec/multilineParser",schemaPath:"#/properties/spec/properties/multilineParser/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.multilineParser.type,parentSchema:schema11.properties.spec.properties.multilineParser,data:data36};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
if(data3.clusterDestinationRefs !== undefined){
let data47 = data3.clusterDestinationRefs;
if(Array.isArray(data47)){
if(data47.length < 1){
const err102 = {instancePath:instancePath+"/spec/clusterDestinationRefs",schemaPath:"#/properties/spec/properties/clusterDestinationRefs/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.spec.properties.clusterDestinationRefs,data:data47};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
const len6 = data47.length;
for(let i6=0; i6<len6; i6++){
let data48 = data47[i6];
if(typeof data48 !== "string"){
const err103 = {instancePath:instancePath+"/spec/clusterDestinationRefs/" + i6,schemaPath:"#/properties/spec/properties/clusterDestinationRefs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.clusterDestinationRefs.items.type,parentSchema:schema11.properties.spec.properties.clusterDestinationRefs.items,data:data48};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
}
else {
const err104 = {instancePath:instancePath+"/spec/clusterDestinationRefs",schemaPath:"#/properties/spec/properties/clusterDestinationRefs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.clusterDestinationRefs.type,parentSchema:schema11.properties.spec.properties.clusterDestinationRefs,data:data47};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
}
else {
const err105 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.type,parentSchema:schema11.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
}
else {
const err106 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

