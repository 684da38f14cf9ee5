// Generated file, do not edit: the ajv validator of clusterloggingconfig.v1alpha2.json (ajv standalone code), written
// with the JSON schemas of this directory by the generator validators.ts names.
"use strict";
module.exports = validate10;
module.exports.default = validate10;
const schema11 = {"type":"object","required":["spec"],"properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"object"},"spec":{"not":{"required":["file","kubernetesPods"]},"oneOf":[{"properties":{"kubernetesPods":{},"type":{"enum":["KubernetesPods"]}}},{"properties":{"file":{},"type":{"enum":["File"]}},"required":["file"]}],"type":"object","required":["type","destinationRefs"],"properties":{"type":{"type":"string","enum":["KubernetesPods","File"]},"kubernetesPods":{"type":"object","properties":{"keepDeletedFilesOpenedFor":{"type":"string","format":"duration","pattern":"^([0-9]+h([0-9]+m)?|[0-9]+m)$"},"namespaceSelector":{"type":"object","properties":{"labelSelector":{"type":"object","anyOf":[{"required":["matchLabels"]},{"required":["matchExpressions"]}],"properties":{"matchLabels":{"type":"object","additionalProperties":{"type":"string"}},"matchExpressions":{"type":"array","items":{"type":"object","required":["key","operator"],"properties":{"key":{"type":"string"},"operator":{"type":"string","enum":["In","NotIn","Exists","DoesNotExist"]},"values":{"type":"array","items":{"type":"string"}}},"additionalProperties":false}}},"additionalProperties":false}},"additionalProperties":false},"labelSelector":{"type":"object","anyOf":[{"required":["matchLabels"]},{"required":["matchExpressions"]}],"properties":{"matchLabels":{"type":"object","additionalProperties":{"type":"string"}},"matchExpressions":{"type":"array","items":{"oneOf":[{"properties":{"operator":{"enum":["Exists","DoesNotExist"]}},"required":["key","operator"],"not":{"required":["values"]}},{"properties":{"operator":{"enum":["In","NotIn"]}},"required":["key","operator","values"]}],"type":"object","properties":{"key":{"type":"string"},"operator":{"type":"string","enum":["In","NotIn","Exists","DoesNotExist"]},"values":{"type":"array","items":{"type":"string","pattern":"[a-z0-9]([-a-z0-9]*[a-z0-9])?","minLength":1,"maxLength":63}}},"additionalProperties":false}}},"additionalProperties":false}},"additionalProperties":false},"file":{"type":"object","properties":{"include":{"type":"array","items":{"type":"string"}},"exclude":{"type":"array","items":{"type":"string"}},"lineDelimiter":{"type":"string"}},"additionalProperties":false},"labelFilter":{"type":"array","items":{"type":"object","required":["field","operator"],"properties":{"field":{"type":"string","pattern":".+"},"operator":{"type":"string","enum":["In","NotIn","Regex","NotRegex","Exists","DoesNotExist"]},"values":{"type":"array","items":{"anyOf":[{"type":"integer"},{"type":"string"}]}}},"oneOf":[{"properties":{"operator":{"enum":["Exists","DoesNotExist"]},"values":{"maxItems":0}}},{"properties":{"operator":{"enum":["Regex","NotRegex","In","NotIn"]},"values":{"minItems":1}}}],"additionalProperties":false}},"logFilter":{"type":"array","items":{"type":"object","required":["field","operator"],"properties":{"field":{"type":"string"},"operator":{"type":"string","enum":["In","NotIn","Regex","NotRegex","Exists","DoesNotExist"]},"values":{"type":"array","items":{"anyOf":[{"type":"integer"},{"type":"string"}]}}},"oneOf":[{"properties":{"operator":{"enum":["Exists","DoesNotExist"]},"values":{"maxItems":0}}},{"properties":{"operator":{"enum":["Regex","NotRegex","In","NotIn"]},"values":{"minItems":1}}}],"additionalProperties":false}},"multilineParser":{"type":"object","required":["type"],"oneOf":[{"properties":{"type":{"enum":["None","General","Backslash","LogWithTime","MultilineJSON"]}},"required":["type"]},{"properties":{"custom":{},"type":{"enum":["Custom"]}},"required":["type","custom"]}],"properties":{"type":{"type":"string","enum":["None","General","Backslash","LogWithTime","MultilineJSON","Custom"],"default":"None"},"custom":{"type":"object","oneOf":[{"required":["startsWhen"]},{"required":["endsWhen"]}],"properties":{"startsWhen":{"type":"object","oneOf":[{"required":["regex"]},{"required":["notRegex"]}],"properties":{"notRegex":{"type":"string"},"regex":{"type":"string"}},"additionalProperties":false},"endsWhen":{"type":"object","oneOf":[{"required":["regex"]},{"required":["notRegex"]}],"properties":{"notRegex":{"type":"string"},"regex":{"type":"string"}},"additionalProperties":false}},"additionalProperties":false}},"additionalProperties":false},"destinationRefs":{"type":"array","minItems":1,"items":{"type":"string"}}},"additionalProperties":false}},"additionalProperties":false};
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
const _errs10 = errors;
const _errs11 = errors;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
let missing0;
if(((data3.file === undefined) && (missing0 = "file")) || ((data3.kubernetesPods === undefined) && (missing0 = "kubernetesPods"))){
const err5 = {};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
var valid1 = _errs11 === errors;
if(valid1){
const err6 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema11.properties.spec.not,parentSchema:schema11.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
else {
errors = _errs10;
if(vErrors !== null){
if(_errs10){
vErrors.length = _errs10;
}
else {
vErrors = null;
}
}
}
const _errs12 = errors;
let valid2 = false;
let passing0 = null;
const _errs13 = errors;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.type !== undefined){
let data4 = data3.type;
if(!(data4 === "KubernetesPods")){
const err7 = {instancePath:instancePath+"/spec/type",schemaPath:"#/properties/spec/oneOf/0/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.oneOf[0].properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.oneOf[0].properties.type.enum,parentSchema:schema11.properties.spec.oneOf[0].properties.type,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
var _valid0 = _errs13 === errors;
if(_valid0){
valid2 = true;
passing0 = 0;
}
const _errs15 = errors;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.file === undefined){
const err8 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf/1/required",keyword:"required",params:{missingProperty: "file"},message:"must have required property '"+"file"+"'",schema:schema11.properties.spec.oneOf[1].required,parentSchema:schema11.properties.spec.oneOf[1],data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data3.type !== undefined){
let data5 = data3.type;
if(!(data5 === "File")){
const err9 = {instancePath:instancePath+"/spec/type",schemaPath:"#/properties/spec/oneOf/1/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.oneOf[1].properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.oneOf[1].properties.type.enum,parentSchema:schema11.properties.spec.oneOf[1].properties.type,data:data5};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
var _valid0 = _errs15 === errors;
if(_valid0 && valid2){
valid2 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid2 = true;
passing0 = 1;
}
}
if(!valid2){
const err10 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.oneOf,parentSchema:schema11.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
errors = _errs12;
if(vErrors !== null){
if(_errs12){
vErrors.length = _errs12;
}
else {
vErrors = null;
}
}
}
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.type === undefined){
const err11 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.spec.required,parentSchema:schema11.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data3.destinationRefs === undefined){
const err12 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "destinationRefs"},message:"must have required property '"+"destinationRefs"+"'",schema:schema11.properties.spec.required,parentSchema:schema11.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key1 in data3){
if(!(((((((key1 === "type") || (key1 === "kubernetesPods")) || (key1 === "file")) || (key1 === "labelFilter")) || (key1 === "logFilter")) || (key1 === "multilineParser")) || (key1 === "destinationRefs"))){
const err13 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data3.type !== undefined){
let data6 = data3.type;
if(typeof data6 !== "string"){
const err14 = {instancePath:instancePath+"/spec/type",schemaPath:"#/properties/spec/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.type.type,parentSchema:schema11.properties.spec.properties.type,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(!((data6 === "KubernetesPods") || (data6 === "File"))){
const err15 = {instancePath:instancePath+"/spec/type",schemaPath:"#/properties/spec/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.type.enum,parentSchema:schema11.properties.spec.properties.type,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data3.kubernetesPods !== undefined){
let data7 = data3.kubernetesPods;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
for(const key2 in data7){
if(!(((key2 === "keepDeletedFilesOpenedFor") || (key2 === "namespaceSelector")) || (key2 === "labelSelector"))){
const err16 = {instancePath:instancePath+"/spec/kubernetesPods",schemaPath:"#/properties/spec/properties/kubernetesPods/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.kubernetesPods,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data7.keepDeletedFilesOpenedFor !== undefined){
let data8 = data7.keepDeletedFilesOpenedFor;
if(typeof data8 === "string"){
if(!pattern0.test(data8)){
const err17 = {instancePath:instancePath+"/spec/kubernetesPods/keepDeletedFilesOpenedFor",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/keepDeletedFilesOpenedFor/pattern",keyword:"pattern",params:{pattern: "^([0-9]+h([0-9]+m)?|[0-9]+m)$"},message:"must match pattern \""+"^([0-9]+h([0-9]+m)?|[0-9]+m)$"+"\"",schema:"^([0-9]+h([0-9]+m)?|[0-9]+m)$",parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.keepDeletedFilesOpenedFor,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/spec/kubernetesPods/keepDeletedFilesOpenedFor",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/keepDeletedFilesOpenedFor/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kubernetesPods.properties.keepDeletedFilesOpenedFor.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.keepDeletedFilesOpenedFor,data:data8};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data7.namespaceSelector !== undefined){
let data9 = data7.namespaceSelector;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key3 in data9){
if(!(key3 === "labelSelector")){
const err19 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector,data:data9};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data9.labelSelector !== undefined){
let data10 = data9.labelSelector;
const _errs30 = errors;
let valid8 = false;
const _errs31 = errors;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.matchLabels === undefined){
const err20 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector/labelSelector",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/properties/labelSelector/anyOf/0/required",keyword:"required",params:{missingProperty: "matchLabels"},message:"must have required property '"+"matchLabels"+"'",schema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.anyOf[0].required,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.anyOf[0],data:data10};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
var _valid1 = _errs31 === errors;
valid8 = valid8 || _valid1;
if(!valid8){
const _errs32 = errors;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.matchExpressions === undefined){
const err21 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector/labelSelector",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/properties/labelSelector/anyOf/1/required",keyword:"required",params:{missingProperty: "matchExpressions"},message:"must have required property '"+"matchExpressions"+"'",schema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.anyOf[1].required,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.anyOf[1],data:data10};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
var _valid1 = _errs32 === errors;
valid8 = valid8 || _valid1;
}
if(!valid8){
const err22 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector/labelSelector",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/properties/labelSelector/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.anyOf,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector,data:data10};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
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
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key4 in data10){
if(!((key4 === "matchLabels") || (key4 === "matchExpressions"))){
const err23 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector/labelSelector",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/properties/labelSelector/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector,data:data10};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data10.matchLabels !== undefined){
let data11 = data10.matchLabels;
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
for(const key5 in data11){
let data12 = data11[key5];
if(typeof data12 !== "string"){
const err24 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector/labelSelector/matchLabels/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/properties/labelSelector/properties/matchLabels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchLabels.additionalProperties.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchLabels.additionalProperties,data:data12};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector/labelSelector/matchLabels",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/properties/labelSelector/properties/matchLabels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchLabels.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchLabels,data:data11};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data10.matchExpressions !== undefined){
let data13 = data10.matchExpressions;
if(Array.isArray(data13)){
const len0 = data13.length;
for(let i0=0; i0<len0; i0++){
let data14 = data13[i0];
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.key === undefined){
const err26 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector/labelSelector/matchExpressions/" + i0,schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/properties/labelSelector/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.items.required,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.items,data:data14};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(data14.operator === undefined){
const err27 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector/labelSelector/matchExpressions/" + i0,schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/properties/labelSelector/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'",schema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.items.required,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.items,data:data14};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
for(const key6 in data14){
if(!(((key6 === "key") || (key6 === "operator")) || (key6 === "values"))){
const err28 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector/labelSelector/matchExpressions/" + i0,schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/properties/labelSelector/properties/matchExpressions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.items,data:data14};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data14.key !== undefined){
let data15 = data14.key;
if(typeof data15 !== "string"){
const err29 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector/labelSelector/matchExpressions/" + i0+"/key",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/properties/labelSelector/properties/matchExpressions/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.items.properties.key.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.items.properties.key,data:data15};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data14.operator !== undefined){
let data16 = data14.operator;
if(typeof data16 !== "string"){
const err30 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector/labelSelector/matchExpressions/" + i0+"/operator",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/properties/labelSelector/properties/matchExpressions/items/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.items.properties.operator.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.items.properties.operator,data:data16};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(!((((data16 === "In") || (data16 === "NotIn")) || (data16 === "Exists")) || (data16 === "DoesNotExist"))){
const err31 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector/labelSelector/matchExpressions/" + i0+"/operator",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/properties/labelSelector/properties/matchExpressions/items/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.items.properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.items.properties.operator.enum,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.items.properties.operator,data:data16};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data14.values !== undefined){
let data17 = data14.values;
if(Array.isArray(data17)){
const len1 = data17.length;
for(let i1=0; i1<len1; i1++){
let data18 = data17[i1];
if(typeof data18 !== "string"){
const err32 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector/labelSelector/matchExpressions/" + i0+"/values/" + i1,schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/properties/labelSelector/properties/matchExpressions/items/properties/values/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.items.properties.values.items.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.items.properties.values.items,data:data18};
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
const err33 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector/labelSelector/matchExpressions/" + i0+"/values",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/properties/labelSelector/properties/matchExpressions/items/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.items.properties.values.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.items.properties.values,data:data17};
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
const err34 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector/labelSelector/matchExpressions/" + i0,schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/properties/labelSelector/properties/matchExpressions/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.items.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.items,data:data14};
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
const err35 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector/labelSelector/matchExpressions",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/properties/labelSelector/properties/matchExpressions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.properties.matchExpressions,data:data13};
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
const err36 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector/labelSelector",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/properties/labelSelector/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.properties.labelSelector,data:data10};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath:instancePath+"/spec/kubernetesPods/namespaceSelector",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/namespaceSelector/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.namespaceSelector,data:data9};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data7.labelSelector !== undefined){
let data19 = data7.labelSelector;
const _errs54 = errors;
let valid16 = false;
const _errs55 = errors;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.matchLabels === undefined){
const err38 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/anyOf/0/required",keyword:"required",params:{missingProperty: "matchLabels"},message:"must have required property '"+"matchLabels"+"'",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.anyOf[0].required,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.anyOf[0],data:data19};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
var _valid2 = _errs55 === errors;
valid16 = valid16 || _valid2;
if(!valid16){
const _errs56 = errors;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.matchExpressions === undefined){
const err39 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/anyOf/1/required",keyword:"required",params:{missingProperty: "matchExpressions"},message:"must have required property '"+"matchExpressions"+"'",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.anyOf[1].required,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.anyOf[1],data:data19};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
var _valid2 = _errs56 === errors;
valid16 = valid16 || _valid2;
}
if(!valid16){
const err40 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.anyOf,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector,data:data19};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
else {
errors = _errs54;
if(vErrors !== null){
if(_errs54){
vErrors.length = _errs54;
}
else {
vErrors = null;
}
}
}
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
for(const key7 in data19){
if(!((key7 === "matchLabels") || (key7 === "matchExpressions"))){
const err41 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector,data:data19};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data19.matchLabels !== undefined){
let data20 = data19.matchLabels;
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
for(const key8 in data20){
let data21 = data20[key8];
if(typeof data21 !== "string"){
const err42 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchLabels/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchLabels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchLabels.additionalProperties.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchLabels.additionalProperties,data:data21};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchLabels",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchLabels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchLabels.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchLabels,data:data20};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data19.matchExpressions !== undefined){
let data22 = data19.matchExpressions;
if(Array.isArray(data22)){
const len2 = data22.length;
for(let i2=0; i2<len2; i2++){
let data23 = data22[i2];
const _errs67 = errors;
let valid21 = false;
let passing1 = null;
const _errs68 = errors;
const _errs69 = errors;
const _errs70 = errors;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
let missing1;
if((data23.values === undefined) && (missing1 = "values")){
const err44 = {};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
var valid22 = _errs70 === errors;
if(valid22){
const err45 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2,schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/oneOf/0/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf[0].not,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf[0],data:data23};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
else {
errors = _errs69;
if(vErrors !== null){
if(_errs69){
vErrors.length = _errs69;
}
else {
vErrors = null;
}
}
}
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
if(data23.key === undefined){
const err46 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2,schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/oneOf/0/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf[0].required,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf[0],data:data23};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if(data23.operator === undefined){
const err47 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2,schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/oneOf/0/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf[0].required,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf[0],data:data23};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
if(data23.operator !== undefined){
let data24 = data23.operator;
if(!((data24 === "Exists") || (data24 === "DoesNotExist"))){
const err48 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2+"/operator",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/oneOf/0/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf[0].properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf[0].properties.operator.enum,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf[0].properties.operator,data:data24};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
var _valid3 = _errs68 === errors;
if(_valid3){
valid21 = true;
passing1 = 0;
}
const _errs72 = errors;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
if(data23.key === undefined){
const err49 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2,schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/oneOf/1/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf[1].required,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf[1],data:data23};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if(data23.operator === undefined){
const err50 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2,schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/oneOf/1/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf[1].required,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf[1],data:data23};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(data23.values === undefined){
const err51 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2,schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/oneOf/1/required",keyword:"required",params:{missingProperty: "values"},message:"must have required property '"+"values"+"'",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf[1].required,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf[1],data:data23};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
if(data23.operator !== undefined){
let data25 = data23.operator;
if(!((data25 === "In") || (data25 === "NotIn"))){
const err52 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2+"/operator",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/oneOf/1/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf[1].properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf[1].properties.operator.enum,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf[1].properties.operator,data:data25};
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
var _valid3 = _errs72 === errors;
if(_valid3 && valid21){
valid21 = false;
passing1 = [passing1, 1];
}
else {
if(_valid3){
valid21 = true;
passing1 = 1;
}
}
if(!valid21){
const err53 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2,schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.oneOf,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items,data:data23};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
else {
errors = _errs67;
if(vErrors !== null){
if(_errs67){
vErrors.length = _errs67;
}
else {
vErrors = null;
}
}
}
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
for(const key9 in data23){
if(!(((key9 === "key") || (key9 === "operator")) || (key9 === "values"))){
const err54 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2,schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items,data:data23};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data23.key !== undefined){
let data26 = data23.key;
if(typeof data26 !== "string"){
const err55 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2+"/key",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.properties.key.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.properties.key,data:data26};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data23.operator !== undefined){
let data27 = data23.operator;
if(typeof data27 !== "string"){
const err56 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2+"/operator",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.properties.operator.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.properties.operator,data:data27};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(!((((data27 === "In") || (data27 === "NotIn")) || (data27 === "Exists")) || (data27 === "DoesNotExist"))){
const err57 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2+"/operator",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.properties.operator.enum,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.properties.operator,data:data27};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data23.values !== undefined){
let data28 = data23.values;
if(Array.isArray(data28)){
const len3 = data28.length;
for(let i3=0; i3<len3; i3++){
let data29 = data28[i3];
if(typeof data29 === "string"){
if(func2(data29) > 63){
const err58 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2+"/values/" + i3,schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/properties/values/items/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.properties.values.items,data:data29};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
if(func2(data29) < 1){
const err59 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2+"/values/" + i3,schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/properties/values/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.properties.values.items,data:data29};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
if(!pattern1.test(data29)){
const err60 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2+"/values/" + i3,schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/properties/values/items/pattern",keyword:"pattern",params:{pattern: "[a-z0-9]([-a-z0-9]*[a-z0-9])?"},message:"must match pattern \""+"[a-z0-9]([-a-z0-9]*[a-z0-9])?"+"\"",schema:"[a-z0-9]([-a-z0-9]*[a-z0-9])?",parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.properties.values.items,data:data29};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
else {
const err61 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2+"/values/" + i3,schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/properties/values/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.properties.values.items.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.properties.values.items,data:data29};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
}
else {
const err62 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2+"/values",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.properties.values.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.properties.values,data:data28};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
}
else {
const err63 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions/" + i2,schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.items,data:data23};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
}
else {
const err64 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector/matchExpressions",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/properties/matchExpressions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.properties.matchExpressions,data:data22};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
}
else {
const err65 = {instancePath:instancePath+"/spec/kubernetesPods/labelSelector",schemaPath:"#/properties/spec/properties/kubernetesPods/properties/labelSelector/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector.type,parentSchema:schema11.properties.spec.properties.kubernetesPods.properties.labelSelector,data:data19};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
else {
const err66 = {instancePath:instancePath+"/spec/kubernetesPods",schemaPath:"#/properties/spec/properties/kubernetesPods/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.kubernetesPods.type,parentSchema:schema11.properties.spec.properties.kubernetesPods,data:data7};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data3.file !== undefined){
let data30 = data3.file;
if(data30 && typeof data30 == "object" && !Array.isArray(data30)){
for(const key10 in data30){
if(!(((key10 === "include") || (key10 === "exclude")) || (key10 === "lineDelimiter"))){
const err67 = {instancePath:instancePath+"/spec/file",schemaPath:"#/properties/spec/properties/file/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.file,data:data30};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
if(data30.include !== undefined){
let data31 = data30.include;
if(Array.isArray(data31)){
const len4 = data31.length;
for(let i4=0; i4<len4; i4++){
let data32 = data31[i4];
if(typeof data32 !== "string"){
const err68 = {instancePath:instancePath+"/spec/file/include/" + i4,schemaPath:"#/properties/spec/properties/file/properties/include/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.file.properties.include.items.type,parentSchema:schema11.properties.spec.properties.file.properties.include.items,data:data32};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
}
else {
const err69 = {instancePath:instancePath+"/spec/file/include",schemaPath:"#/properties/spec/properties/file/properties/include/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.file.properties.include.type,parentSchema:schema11.properties.spec.properties.file.properties.include,data:data31};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data30.exclude !== undefined){
let data33 = data30.exclude;
if(Array.isArray(data33)){
const len5 = data33.length;
for(let i5=0; i5<len5; i5++){
let data34 = data33[i5];
if(typeof data34 !== "string"){
const err70 = {instancePath:instancePath+"/spec/file/exclude/" + i5,schemaPath:"#/properties/spec/properties/file/properties/exclude/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.file.properties.exclude.items.type,parentSchema:schema11.properties.spec.properties.file.properties.exclude.items,data:data34};
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
const err71 = {instancePath:instancePath+"/spec/file/exclude",schemaPath:"#/properties/spec/properties/file/properties/exclude/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.file.properties.exclude.type,parentSchema:schema11.properties.spec.properties.file.properties.exclude,data:data33};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
if(data30.lineDelimiter !== undefined){
let data35 = data30.lineDelimiter;
if(typeof data35 !== "string"){
const err72 = {instancePath:instancePath+"/spec/file/lineDelimiter",schemaPath:"#/properties/spec/properties/file/properties/lineDelimiter/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.file.properties.lineDelimiter.type,parentSchema:schema11.properties.spec.properties.file.properties.lineDelimiter,data:data35};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
}
else {
const err73 = {instancePath:instancePath+"/spec/file",schemaPath:"#/properties/spec/properties/file/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.file.type,parentSchema:schema11.properties.spec.properties.file,data:data30};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data3.labelFilter !== undefined){
let data36 = data3.labelFilter;
if(Array.isArray(data36)){
const len6 = data36.length;
for(let i6=0; i6<len6; i6++){
let data37 = data36[i6];
const _errs100 = errors;
let valid35 = false;
let passing2 = null;
const _errs101 = errors;
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
if(data37.operator !== undefined){
let data38 = data37.operator;
if(!((data38 === "Exists") || (data38 === "DoesNotExist"))){
const err74 = {instancePath:instancePath+"/spec/labelFilter/" + i6+"/operator",schemaPath:"#/properties/spec/properties/labelFilter/items/oneOf/0/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.labelFilter.items.oneOf[0].properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.labelFilter.items.oneOf[0].properties.operator.enum,parentSchema:schema11.properties.spec.properties.labelFilter.items.oneOf[0].properties.operator,data:data38};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data37.values !== undefined){
let data39 = data37.values;
if(Array.isArray(data39)){
if(data39.length > 0){
const err75 = {instancePath:instancePath+"/spec/labelFilter/" + i6+"/values",schemaPath:"#/properties/spec/properties/labelFilter/items/oneOf/0/properties/values/maxItems",keyword:"maxItems",params:{limit: 0},message:"must NOT have more than 0 items",schema:0,parentSchema:schema11.properties.spec.properties.labelFilter.items.oneOf[0].properties.values,data:data39};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
}
}
var _valid4 = _errs101 === errors;
if(_valid4){
valid35 = true;
passing2 = 0;
}
const _errs104 = errors;
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
if(data37.operator !== undefined){
let data40 = data37.operator;
if(!((((data40 === "Regex") || (data40 === "NotRegex")) || (data40 === "In")) || (data40 === "NotIn"))){
const err76 = {instancePath:instancePath+"/spec/labelFilter/" + i6+"/operator",schemaPath:"#/properties/spec/properties/labelFilter/items/oneOf/1/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.labelFilter.items.oneOf[1].properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.labelFilter.items.oneOf[1].properties.operator.enum,parentSchema:schema11.properties.spec.properties.labelFilter.items.oneOf[1].properties.operator,data:data40};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
if(data37.values !== undefined){
let data41 = data37.values;
if(Array.isArray(data41)){
if(data41.length < 1){
const err77 = {instancePath:instancePath+"/spec/labelFilter/" + i6+"/values",schemaPath:"#/properties/spec/properties/labelFilter/items/oneOf/1/properties/values/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.spec.properties.labelFilter.items.oneOf[1].properties.values,data:data41};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
}
}
var _valid4 = _errs104 === errors;
if(_valid4 && valid35){
valid35 = false;
passing2 = [passing2, 1];
}
else {
if(_valid4){
valid35 = true;
passing2 = 1;
}
}
if(!valid35){
const err78 = {instancePath:instancePath+"/spec/labelFilter/" + i6,schemaPath:"#/properties/spec/properties/labelFilter/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.labelFilter.items.oneOf,parentSchema:schema11.properties.spec.properties.labelFilter.items,data:data37};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
else {
errors = _errs100;
if(vErrors !== null){
if(_errs100){
vErrors.length = _errs100;
}
else {
vErrors = null;
}
}
}
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
if(data37.field === undefined){
const err79 = {instancePath:instancePath+"/spec/labelFilter/" + i6,schemaPath:"#/properties/spec/properties/labelFilter/items/required",keyword:"required",params:{missingProperty: "field"},message:"must have required property '"+"field"+"'",schema:schema11.properties.spec.properties.labelFilter.items.required,parentSchema:schema11.properties.spec.properties.labelFilter.items,data:data37};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
if(data37.operator === undefined){
const err80 = {instancePath:instancePath+"/spec/labelFilter/" + i6,schemaPath:"#/properties/spec/properties/labelFilter/items/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'",schema:schema11.properties.spec.properties.labelFilter.items.required,parentSchema:schema11.properties.spec.properties.labelFilter.items,data:data37};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
for(const key11 in data37){
if(!(((key11 === "field") || (key11 === "operator")) || (key11 === "values"))){
const err81 = {instancePath:instancePath+"/spec/labelFilter/" + i6,schemaPath:"#/properties/spec/properties/labelFilter/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.labelFilter.items,data:data37};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
if(data37.field !== undefined){
let data42 = data37.field;
if(typeof data42 === "string"){
if(!pattern2.test(data42)){
const err82 = {instancePath:instancePath+"/spec/labelFilter/" + i6+"/field",schemaPath:"#/properties/spec/properties/labelFilter/items/properties/field/pattern",keyword:"pattern",params:{pattern: ".+"},message:"must match pattern \""+".+"+"\"",schema:".+",parentSchema:schema11.properties.spec.properties.labelFilter.items.properties.field,data:data42};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
else {
const err83 = {instancePath:instancePath+"/spec/labelFilter/" + i6+"/field",schemaPath:"#/properties/spec/properties/labelFilter/items/properties/field/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.labelFilter.items.properties.field.type,parentSchema:schema11.properties.spec.properties.labelFilter.items.properties.field,data:data42};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
if(data37.operator !== undefined){
let data43 = data37.operator;
if(typeof data43 !== "string"){
const err84 = {instancePath:instancePath+"/spec/labelFilter/" + i6+"/operator",schemaPath:"#/properties/spec/properties/labelFilter/items/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.labelFilter.items.properties.operator.type,parentSchema:schema11.properties.spec.properties.labelFilter.items.properties.operator,data:data43};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
if(!((((((data43 === "In") || (data43 === "NotIn")) || (data43 === "Regex")) || (data43 === "NotRegex")) || (data43 === "Exists")) || (data43 === "DoesNotExist"))){
const err85 = {instancePath:instancePath+"/spec/labelFilter/" + i6+"/operator",schemaPath:"#/properties/spec/properties/labelFilter/items/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.labelFilter.items.properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.labelFilter.items.properties.operator.enum,parentSchema:schema11.properties.spec.properties.labelFilter.items.properties.operator,data:data43};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
if(data37.values !== undefined){
let data44 = data37.values;
if(Array.isArray(data44)){
const len7 = data44.length;
for(let i7=0; i7<len7; i7++){
let data45 = data44[i7];
const _errs115 = errors;
let valid41 = false;
const _errs116 = errors;
if(!((typeof data45 == "number") && (!(data45 % 1) && !isNaN(data45)))){
const err86 = {instancePath:instancePath+"/spec/labelFilter/" + i6+"/values/" + i7,schemaPath:"#/properties/spec/properties/labelFilter/items/properties/values/items/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.spec.properties.labelFilter.items.properties.values.items.anyOf[0].type,parentSchema:schema11.properties.spec.properties.labelFilter.items.properties.values.items.anyOf[0],data:data45};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
var _valid5 = _errs116 === errors;
valid41 = valid41 || _valid5;
if(!valid41){
const _errs118 = errors;
if(typeof data45 !== "string"){
const err87 = {instancePath:instancePath+"/spec/labelFilter/" + i6+"/values/" + i7,schemaPath:"#/properties/spec/properties/labelFilter/items/properties/values/items/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.labelFilter.items.properties.values.items.anyOf[1].type,parentSchema:schema11.properties.spec.properties.labelFilter.items.properties.values.items.anyOf[1],data:data45};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
var _valid5 = _errs118 === errors;
valid41 = valid41 || _valid5;
}
if(!valid41){
const err88 = {instancePath:instancePath+"/spec/labelFilter/" + i6+"/values/" + i7,schemaPath:"#/properties/spec/properties/labelFilter/items/properties/values/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.spec.properties.labelFilter.items.properties.values.items.anyOf,parentSchema:schema11.properties.spec.properties.labelFilter.items.properties.values.items,data:data45};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
else {
errors = _errs115;
if(vErrors !== null){
if(_errs115){
vErrors.length = _errs115;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err89 = {instancePath:instancePath+"/spec/labelFilter/" + i6+"/values",schemaPath:"#/properties/spec/properties/labelFilter/items/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.labelFilter.items.properties.values.type,parentSchema:schema11.properties.spec.properties.labelFilter.items.properties.values,data:data44};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
}
else {
const err90 = {instancePath:instancePath+"/spec/labelFilter/" + i6,schemaPath:"#/properties/spec/properties/labelFilter/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.labelFilter.items.type,parentSchema:schema11.properties.spec.properties.labelFilter.items,data:data37};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
}
else {
const err91 = {instancePath:instancePath+"/spec/labelFilter",schemaPath:"#/properties/spec/properties/labelFilter/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.labelFilter.type,parentSchema:schema11.properties.spec.properties.labelFilter,data:data36};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
if(data3.logFilter !== undefined){
let data46 = data3.logFilter;
if(Array.isArray(data46)){
const len8 = data46.length;
for(let i8=0; i8<len8; i8++){
let data47 = data46[i8];
const _errs124 = errors;
let valid44 = false;
let passing3 = null;
const _errs125 = errors;
if(data47 && typeof data47 == "object" && !Array.isArray(data47)){
if(data47.operator !== undefined){
let data48 = data47.operator;
if(!((data48 === "Exists") || (data48 === "DoesNotExist"))){
const err92 = {instancePath:instancePath+"/spec/logFilter/" + i8+"/operator",schemaPath:"#/properties/spec/properties/logFilter/items/oneOf/0/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.logFilter.items.oneOf[0].properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.logFilter.items.oneOf[0].properties.operator.enum,parentSchema:schema11.properties.spec.properties.logFilter.items.oneOf[0].properties.operator,data:data48};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
if(data47.values !== undefined){
let data49 = data47.values;
if(Array.isArray(data49)){
if(data49.length > 0){
const err93 = {instancePath:instancePath+"/spec/logFilter/" + i8+"/values",schemaPath:"#/properties/spec/properties/logFilter/items/oneOf/0/properties/values/maxItems",keyword:"maxItems",params:{limit: 0},message:"must NOT have more than 0 items",schema:0,parentSchema:schema11.properties.spec.properties.logFilter.items.oneOf[0].properties.values,data:data49};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
}
}
var _valid6 = _errs125 === errors;
if(_valid6){
valid44 = true;
passing3 = 0;
}
const _errs128 = errors;
if(data47 && typeof data47 == "object" && !Array.isArray(data47)){
if(data47.operator !== undefined){
let data50 = data47.operator;
if(!((((data50 === "Regex") || (data50 === "NotRegex")) || (data50 === "In")) || (data50 === "NotIn"))){
const err94 = {instancePath:instancePath+"/spec/logFilter/" + i8+"/operator",schemaPath:"#/properties/spec/properties/logFilter/items/oneOf/1/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.logFilter.items.oneOf[1].properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.logFilter.items.oneOf[1].properties.operator.enum,parentSchema:schema11.properties.spec.properties.logFilter.items.oneOf[1].properties.operator,data:data50};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
if(data47.values !== undefined){
let data51 = data47.values;
if(Array.isArray(data51)){
if(data51.length < 1){
const err95 = {instancePath:instancePath+"/spec/logFilter/" + i8+"/values",schemaPath:"#/properties/spec/properties/logFilter/items/oneOf/1/properties/values/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.spec.properties.logFilter.items.oneOf[1].properties.values,data:data51};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
}
}
var _valid6 = _errs128 === errors;
if(_valid6 && valid44){
valid44 = false;
passing3 = [passing3, 1];
}
else {
if(_valid6){
valid44 = true;
passing3 = 1;
}
}
if(!valid44){
const err96 = {instancePath:instancePath+"/spec/logFilter/" + i8,schemaPath:"#/properties/spec/properties/logFilter/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing3},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.logFilter.items.oneOf,parentSchema:schema11.properties.spec.properties.logFilter.items,data:data47};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
else {
errors = _errs124;
if(vErrors !== null){
if(_errs124){
vErrors.length = _errs124;
}
else {
vErrors = null;
}
}
}
if(data47 && typeof data47 == "object" && !Array.isArray(data47)){
if(data47.field === undefined){
const err97 = {instancePath:instancePath+"/spec/logFilter/" + i8,schemaPath:"#/properties/spec/properties/logFilter/items/required",keyword:"required",params:{missingProperty: "field"},message:"must have required property '"+"field"+"'",schema:schema11.properties.spec.properties.logFilter.items.required,parentSchema:schema11.properties.spec.properties.logFilter.items,data:data47};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
if(data47.operator === undefined){
const err98 = {instancePath:instancePath+"/spec/logFilter/" + i8,schemaPath:"#/properties/spec/properties/logFilter/items/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'",schema:schema11.properties.spec.properties.logFilter.items.required,parentSchema:schema11.properties.spec.properties.logFilter.items,data:data47};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
for(const key12 in data47){
if(!(((key12 === "field") || (key12 === "operator")) || (key12 === "values"))){
const err99 = {instancePath:instancePath+"/spec/logFilter/" + i8,schemaPath:"#/properties/spec/properties/logFilter/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.logFilter.items,data:data47};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
if(data47.field !== undefined){
let data52 = data47.field;
if(typeof data52 !== "string"){
const err100 = {instancePath:instancePath+"/spec/logFilter/" + i8+"/field",schemaPath:"#/properties/spec/properties/logFilter/items/properties/field/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.logFilter.items.properties.field.type,parentSchema:schema11.properties.spec.properties.logFilter.items.properties.field,data:data52};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
if(data47.operator !== undefined){
let data53 = data47.operator;
if(typeof data53 !== "string"){
const err101 = {instancePath:instancePath+"/spec/logFilter/" + i8+"/operator",schemaPath:"#/properties/spec/properties/logFilter/items/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.logFilter.items.properties.operator.type,parentSchema:schema11.properties.spec.properties.logFilter.items.properties.operator,data:data53};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
if(!((((((data53 === "In") || (data53 === "NotIn")) || (data53 === "Regex")) || (data53 === "NotRegex")) || (data53 === "Exists")) || (data53 === "DoesNotExist"))){
const err102 = {instancePath:instancePath+"/spec/logFilter/" + i8+"/operator",schemaPath:"#/properties/spec/properties/logFilter/items/properties/operator/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.logFilter.items.properties.operator.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.logFilter.items.properties.operator.enum,parentSchema:schema11.properties.spec.properties.logFilter.items.properties.operator,data:data53};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
if(data47.values !== undefined){
let data54 = data47.values;
if(Array.isArray(data54)){
const len9 = data54.length;
for(let i9=0; i9<len9; i9++){
let data55 = data54[i9];
const _errs139 = errors;
let valid50 = false;
const _errs140 = errors;
if(!((typeof data55 == "number") && (!(data55 % 1) && !isNaN(data55)))){
const err103 = {instancePath:instancePath+"/spec/logFilter/" + i8+"/values/" + i9,schemaPath:"#/properties/spec/properties/logFilter/items/properties/values/items/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.spec.properties.logFilter.items.properties.values.items.anyOf[0].type,parentSchema:schema11.properties.spec.properties.logFilter.items.properties.values.items.anyOf[0],data:data55};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
var _valid7 = _errs140 === errors;
valid50 = valid50 || _valid7;
if(!valid50){
const _errs142 = errors;
if(typeof data55 !== "string"){
const err104 = {instancePath:instancePath+"/spec/logFilter/" + i8+"/values/" + i9,schemaPath:"#/properties/spec/properties/logFilter/items/properties/values/items/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.logFilter.items.properties.values.items.anyOf[1].type,parentSchema:schema11.properties.spec.properties.logFilter.items.properties.values.items.anyOf[1],data:data55};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
var _valid7 = _errs142 === errors;
valid50 = valid50 || _valid7;
}
if(!valid50){
const err105 = {instancePath:instancePath+"/spec/logFilter/" + i8+"/values/" + i9,schemaPath:"#/properties/spec/properties/logFilter/items/properties/values/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.spec.properties.logFilter.items.properties.values.items.anyOf,parentSchema:schema11.properties.spec.properties.logFilter.items.properties.values.items,data:data55};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
else {
errors = _errs139;
if(vErrors !== null){
if(_errs139){
vErrors.length = _errs139;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err106 = {instancePath:instancePath+"/spec/logFilter/" + i8+"/values",schemaPath:"#/properties/spec/properties/logFilter/items/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.logFilter.items.properties.values.type,parentSchema:schema11.properties.spec.properties.logFilter.items.properties.values,data:data54};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
}
else {
const err107 = {instancePath:instancePath+"/spec/logFilter/" + i8,schemaPath:"#/properties/spec/properties/logFilter/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.logFilter.items.type,parentSchema:schema11.properties.spec.properties.logFilter.items,data:data47};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
}
else {
const err108 = {instancePath:instancePath+"/spec/logFilter",schemaPath:"#/properties/spec/properties/logFilter/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.logFilter.type,parentSchema:schema11.properties.spec.properties.logFilter,data:data46};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
if(data3.multilineParser !== undefined){
let data56 = data3.multilineParser;
const _errs146 = errors;
let valid51 = false;
let passing4 = null;
const _errs147 = errors;
if(data56 && typeof data56 == "object" && !Array.isArray(data56)){
if(data56.type === undefined){
const err109 = {instancePath:instancePath+"/spec/multilineParser",schemaPath:"#/properties/spec/properties/multilineParser/oneOf/0/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.spec.properties.multilineParser.oneOf[0].required,parentSchema:schema11.properties.spec.properties.multilineParser.oneOf[0],data:data56};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
if(data56.type !== undefined){
let data57 = data56.type;
if(!(((((data57 === "None") || (data57 === "General")) || (data57 === "Backslash")) || (data57 === "LogWithTime")) || (data57 === "MultilineJSON"))){
const err110 = {instancePath:instancePath+"/spec/multilineParser/type",schemaPath:"#/properties/spec/properties/multilineParser/oneOf/0/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.multilineParser.oneOf[0].properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.multilineParser.oneOf[0].properties.type.enum,parentSchema:schema11.properties.spec.properties.multilineParser.oneOf[0].properties.type,data:data57};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
}
var _valid8 = _errs147 === errors;
if(_valid8){
valid51 = true;
passing4 = 0;
}
const _errs149 = errors;
if(data56 && typeof data56 == "object" && !Array.isArray(data56)){
if(data56.type === undefined){
const err111 = {instancePath:instancePath+"/spec/multilineParser",schemaPath:"#/properties/spec/properties/multilineParser/oneOf/1/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.spec.properties.multilineParser.oneOf[1].required,parentSchema:schema11.properties.spec.properties.multilineParser.oneOf[1],data:data56};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
if(data56.custom === undefined){
const err112 = {instancePath:instancePath+"/spec/multilineParser",schemaPath:"#/properties/spec/properties/multilineParser/oneOf/1/required",keyword:"required",params:{missingProperty: "custom"},message:"must have required property '"+"custom"+"'",schema:schema11.properties.spec.properties.multilineParser.oneOf[1].required,parentSchema:schema11.properties.spec.properties.multilineParser.oneOf[1],data:data56};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
if(data56.type !== undefined){
let data58 = data56.type;
if(!(data58 === "Custom")){
const err113 = {instancePath:instancePath+"/spec/multilineParser/type",schemaPath:"#/properties/spec/properties/multilineParser/oneOf/1/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.multilineParser.oneOf[1].properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.multilineParser.oneOf[1].properties.type.enum,parentSchema:schema11.properties.spec.properties.multilineParser.oneOf[1].properties.type,data:data58};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
}
var _valid8 = _errs149 === errors;
if(_valid8 && valid51){
valid51 = false;
passing4 = [passing4, 1];
}
else {
if(_valid8){
valid51 = true;
passing4 = 1;
}
}
if(!valid51){
const err114 = {instancePath:instancePath+"/spec/multilineParser",schemaPath:"#/properties/spec/properties/multilineParser/oneOf",keyword:"oneOf",params:{passingSchemas: passing4},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.multilineParser.oneOf,parentSchema:schema11.properties.spec.properties.multilineParser,data:data56};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
else {
errors = _errs146;
if(vErrors !== null){
if(_errs146){
vErrors.length = _errs146;
}
else {
vErrors = null;
}
}
}
if(data56 && typeof data56 == "object" && !Array.isArray(data56)){
if(data56.type === undefined){
const err115 = {instancePath:instancePath+"/spec/multilineParser",schemaPath:"#/properties/spec/properties/multilineParser/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.spec.properties.multilineParser.required,parentSchema:schema11.properties.spec.properties.multilineParser,data:data56};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
for(const key13 in data56){
if(!((key13 === "type") || (key13 === "custom"))){
const err116 = {instancePath:instancePath+"/spec/multilineParser",schemaPath:"#/properties/spec/properties/multilineParser/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.multilineParser,data:data56};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
if(data56.type !== undefined){
let data59 = data56.type;
if(typeof data59 !== "string"){
const err117 = {instancePath:instancePath+"/spec/multilineParser/type",schemaPath:"#/properties/spec/properties/multilineParser/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.multilineParser.properties.type.type,parentSchema:schema11.properties.spec.properties.multilineParser.properties.type,data:data59};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
if(!((((((data59 === "None") || (data59 === "General")) || (data59 === "Backslash")) || (data59 === "LogWithTime")) || (data59 === "MultilineJSON")) || (data59 === "Custom"))){
const err118 = {instancePath:instancePath+"/spec/multilineParser/type",schemaPath:"#/properties/spec/properties/multilineParser/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.multilineParser.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.multilineParser.properties.type.enum,parentSchema:schema11.properties.spec.properties.multilineParser.properties.type,data:data59};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
}
if(data56.custom !== undefined){
let data60 = data56.custom;
const _errs156 = errors;
let valid55 = false;
let passing5 = null;
const _errs157 = errors;
if(data60 && typeof data60 == "object" && !Array.isArray(data60)){
if(data60.startsWhen === undefined){
const err119 = {instancePath:instancePath+"/spec/multilineParser/custom",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/oneOf/0/required",keyword:"required",params:{missingProperty: "startsWhen"},message:"must have required property '"+"startsWhen"+"'",schema:schema11.properties.spec.properties.multilineParser.properties.custom.oneOf[0].required,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.oneOf[0],data:data60};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
var _valid9 = _errs157 === errors;
if(_valid9){
valid55 = true;
passing5 = 0;
}
const _errs158 = errors;
if(data60 && typeof data60 == "object" && !Array.isArray(data60)){
if(data60.endsWhen === undefined){
const err120 = {instancePath:instancePath+"/spec/multilineParser/custom",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/oneOf/1/required",keyword:"required",params:{missingProperty: "endsWhen"},message:"must have required property '"+"endsWhen"+"'",schema:schema11.properties.spec.properties.multilineParser.properties.custom.oneOf[1].required,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.oneOf[1],data:data60};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
var _valid9 = _errs158 === errors;
if(_valid9 && valid55){
valid55 = false;
passing5 = [passing5, 1];
}
else {
if(_valid9){
valid55 = true;
passing5 = 1;
}
}
if(!valid55){
const err121 = {instancePath:instancePath+"/spec/multilineParser/custom",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/oneOf",keyword:"oneOf",params:{passingSchemas: passing5},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.multilineParser.properties.custom.oneOf,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom,data:data60};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
else {
errors = _errs156;
if(vErrors !== null){
if(_errs156){
vErrors.length = _errs156;
}
else {
vErrors = null;
}
}
}
if(data60 && typeof data60 == "object" && !Array.isArray(data60)){
for(const key14 in data60){
if(!((key14 === "startsWhen") || (key14 === "endsWhen"))){
const err122 = {instancePath:instancePath+"/spec/multilineParser/custom",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom,data:data60};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
if(data60.startsWhen !== undefined){
let data61 = data60.startsWhen;
const _errs162 = errors;
let valid57 = false;
let passing6 = null;
const _errs163 = errors;
if(data61 && typeof data61 == "object" && !Array.isArray(data61)){
if(data61.regex === undefined){
const err123 = {instancePath:instancePath+"/spec/multilineParser/custom/startsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/startsWhen/oneOf/0/required",keyword:"required",params:{missingProperty: "regex"},message:"must have required property '"+"regex"+"'",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.oneOf[0].required,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.oneOf[0],data:data61};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
var _valid10 = _errs163 === errors;
if(_valid10){
valid57 = true;
passing6 = 0;
}
const _errs164 = errors;
if(data61 && typeof data61 == "object" && !Array.isArray(data61)){
if(data61.notRegex === undefined){
const err124 = {instancePath:instancePath+"/spec/multilineParser/custom/startsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/startsWhen/oneOf/1/required",keyword:"required",params:{missingProperty: "notRegex"},message:"must have required property '"+"notRegex"+"'",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.oneOf[1].required,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.oneOf[1],data:data61};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
var _valid10 = _errs164 === errors;
if(_valid10 && valid57){
valid57 = false;
passing6 = [passing6, 1];
}
else {
if(_valid10){
valid57 = true;
passing6 = 1;
}
}
if(!valid57){
const err125 = {instancePath:instancePath+"/spec/multilineParser/custom/startsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/startsWhen/oneOf",keyword:"oneOf",params:{passingSchemas: passing6},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.oneOf,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen,data:data61};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
else {
errors = _errs162;
if(vErrors !== null){
if(_errs162){
vErrors.length = _errs162;
}
else {
vErrors = null;
}
}
}
if(data61 && typeof data61 == "object" && !Array.isArray(data61)){
for(const key15 in data61){
if(!((key15 === "notRegex") || (key15 === "regex"))){
const err126 = {instancePath:instancePath+"/spec/multilineParser/custom/startsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/startsWhen/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen,data:data61};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
}
if(data61.notRegex !== undefined){
let data62 = data61.notRegex;
if(typeof data62 !== "string"){
const err127 = {instancePath:instancePath+"/spec/multilineParser/custom/startsWhen/notRegex",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/startsWhen/properties/notRegex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.properties.notRegex.type,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.properties.notRegex,data:data62};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
}
if(data61.regex !== undefined){
let data63 = data61.regex;
if(typeof data63 !== "string"){
const err128 = {instancePath:instancePath+"/spec/multilineParser/custom/startsWhen/regex",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/startsWhen/properties/regex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.properties.regex.type,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.properties.regex,data:data63};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
}
}
else {
const err129 = {instancePath:instancePath+"/spec/multilineParser/custom/startsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/startsWhen/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen.type,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.startsWhen,data:data61};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
}
if(data60.endsWhen !== undefined){
let data64 = data60.endsWhen;
const _errs172 = errors;
let valid59 = false;
let passing7 = null;
const _errs173 = errors;
if(data64 && typeof data64 == "object" && !Array.isArray(data64)){
if(data64.regex === undefined){
const err130 = {instancePath:instancePath+"/spec/multilineParser/custom/endsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/endsWhen/oneOf/0/required",keyword:"required",params:{missingProperty: "regex"},message:"must have required property '"+"regex"+"'",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.oneOf[0].required,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.oneOf[0],data:data64};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
}
var _valid11 = _errs173 === errors;
if(_valid11){
valid59 = true;
passing7 = 0;
}
const _errs174 = errors;
if(data64 && typeof data64 == "object" && !Array.isArray(data64)){
if(data64.notRegex === undefined){
const err131 = {instancePath:instancePath+"/spec/multilineParser/custom/endsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/endsWhen/oneOf/1/required",keyword:"required",params:{missingProperty: "notRegex"},message:"must have required property '"+"notRegex"+"'",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.oneOf[1].required,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.oneOf[1],data:data64};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
}
var _valid11 = _errs174 === errors;
if(_valid11 && valid59){
valid59 = false;
passing7 = [passing7, 1];
}
else {
if(_valid11){
valid59 = true;
passing7 = 1;
}
}
if(!valid59){
const err132 = {instancePath:instancePath+"/spec/multilineParser/custom/endsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/endsWhen/oneOf",keyword:"oneOf",params:{passingSchemas: passing7},message:"must match exactly one schema in oneOf",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.oneOf,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen,data:data64};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
else {
errors = _errs172;
if(vErrors !== null){
if(_errs172){
vErrors.length = _errs172;
}
else {
vErrors = null;
}
}
}
if(data64 && typeof data64 == "object" && !Array.isArray(data64)){
for(const key16 in data64){
if(!((key16 === "notRegex") || (key16 === "regex"))){
const err133 = {instancePath:instancePath+"/spec/multilineParser/custom/endsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/endsWhen/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen,data:data64};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
}
if(data64.notRegex !== undefined){
let data65 = data64.notRegex;
if(typeof data65 !== "string"){
const err134 = {instancePath:instancePath+"/spec/multilineParser/custom/endsWhen/notRegex",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/endsWhen/properties/notRegex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.properties.notRegex.type,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.properties.notRegex,data:data65};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
if(data64.regex !== undefined){
let data66 = data64.regex;
if(typeof data66 !== "string"){
const err135 = {instancePath:instancePath+"/spec/multilineParser/custom/endsWhen/regex",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/endsWhen/properties/regex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.properties.regex.type,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.properties.regex,data:data66};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
}
}
else {
const err136 = {instancePath:instancePath+"/spec/multilineParser/custom/endsWhen",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/properties/endsWhen/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen.type,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom.properties.endsWhen,data:data64};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
}
}
else {
const err137 = {instancePath:instancePath+"/spec/multilineParser/custom",schemaPath:"#/properties/spec/properties/multilineParser/properties/custom/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.multilineParser.properties.custom.type,parentSchema:schema11.properties.spec.properties.multilineParser.properties.custom,data:data60};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
}
}
else {
const err138 = {instancePath:instancePath+"/spec/multilineParser",schemaPath:"#/properties/spec/properties/multilineParser/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.multilineParser.type,parentSchema:schema11.properties.spec.properties.multilineParser,data:data56};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
if(data3.destinationRefs !== undefined){
let data67 = data3.destinationRefs;
if(Array.isArray(data67)){
if(data67.length < 1){
const err139 = {instancePath:instancePath+"/spec/destinationRefs",schemaPath:"#/properties/spec/properties/destinationRefs/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.spec.properties.destinationRefs,data:data67};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
const len10 = data67.length;
for(let i10=0; i10<len10; i10++){
let data68 = data67[i10];
if(typeof data68 !== "string"){
const err140 = {instancePath:instancePath+"/spec/destinationRefs/" + i10,schemaPath:"#/properties/spec/properties/destinationRefs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.destinationRefs.items.type,parentSchema:schema11.properties.spec.properties.destinationRefs.items,data:data68};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
}
}
else {
const err141 = {instancePath:instancePath+"/spec/destinationRefs",schemaPath:"#/properties/spec/properties/destinationRefs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.destinationRefs.type,parentSchema:schema11.properties.spec.properties.destinationRefs,data:data67};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
}
}
else {
const err142 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.type,parentSchema:schema11.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
}
}
else {
const err143 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

